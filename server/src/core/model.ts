import type { DiagnosticSeverity, DiagnosticTag, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LineIndex } from './text';

/** Kinds of paragraph, per UN drafting rules (see server/data/opening-phrases.json). */
export type ParagraphKind = 'operative' | 'preambular' | 'numbered' | 'unnumbered' | 'subparagraph';

/** How a paragraph is numbered: `1.`/`1)`/`(1)` arabic, `1.1` decimal, `(a)` letter, `(i)` roman. */
export type MarkerStyle = 'arabic' | 'decimal' | 'letter' | 'roman';

export interface Paragraph {
  /** Position in `Statement.paragraphs` (document order). */
  index: number;
  /** The marker without punctuation ("1", "a", "i", "1.1"); null when unnumbered. */
  label: string | null;
  /** Ancestors' labels joined by "." ("3.a.i"); "PP1", "P2"… for unnumbered paragraphs. */
  path: string;
  kind: ParagraphKind;
  style: MarkerStyle | null;
  /** The marker as written ("(a)", "1."), null when unnumbered. */
  readonly marker: string | null;
  readonly markerRange: Range | null;
  /** Offsets of the paragraph's own text: from its marker (or first character) to the end of its last line. */
  start: number;
  end: number;
  /** Offset of the first character after the marker and its spacing. */
  textStart: number;
  readonly range: Range;
  /** 0 for top level. */
  depth: number;
  parent: number | null;
  children: number[];
  /** Offset where this paragraph's last descendant ends (equals `end` without children). */
  subtreeEnd: number;
  /** Start of the text with whitespace collapsed, cut at a word boundary with "…". */
  readonly excerpt: string;
}

export interface FrontMatter {
  /** The parsed mapping; null when the YAML is malformed or not a mapping. */
  data: Record<string, unknown> | null;
  /** Offsets of the whole block, both `---` lines included. */
  start: number;
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  range: Range;
}

export interface Fix {
  title: string;
  edit: WorkspaceEdit;
  isPreferred?: boolean;
}

/** A finding of the analysis; features turn it into an LSP Diagnostic, the CLI into a line. */
export interface Problem {
  range: Range;
  severity: DiagnosticSeverity;
  /** Stable code, e.g. "paragraph-number-gap". */
  code: string;
  message: string;
  tags?: DiagnosticTag[];
  fixes?: Fix[];
}

export interface Statement {
  uri: string;
  version: number;
  /** The analysed text: the document text without a leading BOM. */
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  /** Offset where the body (after front matter) starts. */
  bodyStart: number;
  title: { text: string; start: number; end: number; range: Range } | null;
  paragraphs: Paragraph[];
  /** Trailing web boilerplate (cookie banners, "Share this"…), if any. */
  boilerplate: { start: number; end: number; range: Range } | null;
  /** Set when the input was not analysed at all (binary, too large); `problems` says why. */
  skipped: 'binary' | 'too-large' | null;
  problems: Problem[];
}
