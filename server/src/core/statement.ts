import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { findBoilerplate } from './boilerplate';
import { parseFrontMatter } from './frontMatter';
import { matchBullet, matchMarker, ordinalOf, type RawMarker } from './markers';
import type { Range } from 'vscode-languageserver-types';
import type { MarkerStyle, Paragraph, ParagraphKind, Problem, Statement } from './model';
import { checkNumbering } from './numbering';
import { classifyOpening } from './openingPhrases';
import { LineIndex } from './text';

export const DEFAULT_MAX_FILE_SIZE = 20_000_000;

export interface StatementInput {
  uri: string;
  version: number;
  text: string;
  /** Bytes (UTF-8) above which the text is not analysed. */
  maxFileSize?: number;
}

/** Parses a policy statement: front matter, title, paragraphs with their nesting, and numbering problems. */
export function parseStatement(input: StatementInput): Statement {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const lines = new LineIndex(text);
  const base = { uri: input.uri, version: input.version, text, lines };
  const skipped = skipReason(text, input.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (skipped) {
    return { ...base, frontMatter: null, bodyStart: 0, title: null, paragraphs: [], boilerplate: null, skipped: skipped.reason, problems: [skipped.problem] };
  }
  const { frontMatter, bodyStart, problems } = parseFrontMatter(text, lines);
  const boilerplate = findBoilerplate(input.uri, text, lines, lines.positionAt(bodyStart).line);
  const bodyEnd = boilerplate ? boilerplate.start : text.length;
  const { title, paragraphs } = readParagraphs(text, lines, bodyStart, bodyEnd);
  if (boilerplate) problems.push(boilerplate.problem);
  problems.push(...checkNumbering(paragraphs, lines, input.uri));
  return {
    ...base,
    frontMatter,
    bodyStart,
    title,
    paragraphs,
    boilerplate: boilerplate && { start: boilerplate.start, end: boilerplate.end, range: boilerplate.problem.range },
    skipped: null,
    problems,
  };
}

function skipReason(text: string, maxFileSize: number): { reason: 'binary' | 'too-large'; problem: Problem } | null {
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const size = utf8Length(text, maxFileSize);
  if (size > maxFileSize) {
    return {
      reason: 'too-large',
      problem: {
        range: at,
        severity: DiagnosticSeverity.Warning,
        code: 'file-too-large',
        message: `This file is larger than ${formatBytes(maxFileSize)} (policyAnnotator.maxFileSize), so it is not analysed.`,
      },
    };
  }
  if (text.includes('\u0000')) {
    return {
      reason: 'binary',
      problem: { range: at, severity: DiagnosticSeverity.Error, code: 'file-binary', message: 'This file looks binary (it contains NUL characters), so it is not analysed.' },
    };
  }
  return null;
}

/** UTF-8 length of `text`; only counted when the character count alone cannot decide against `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  // Buffer counts natively in Node, where the server and CLI run; TextEncoder elsewhere.
  return typeof Buffer === 'function' ? Buffer.byteLength(text, 'utf8') : new TextEncoder().encode(text).length;
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)} MB` : `${+(n / 1000).toFixed(1)} KB`;
}

/** Levels decide nesting: a paragraph's parent is the nearest open one with a lower level. */
const LEVEL: Record<MarkerStyle, number> = { arabic: 10, decimal: 10, letter: 20, roman: 30 };
const UNNUMBERED_LEVEL = 0;

interface Open {
  index: number;
  level: number;
}

function readParagraphs(text: string, lines: LineIndex, bodyStart: number, bodyEnd: number): Pick<Statement, 'title' | 'paragraphs'> {
  const paragraphs: ParagraphNode[] = [];
  const stack: Open[] = [];
  const counters = { preambular: 0, other: 0 };
  let title: Statement['title'] = null;
  let current: ParagraphNode | null = null;
  let seenContent = false;
  const firstLine = lines.positionAt(bodyStart).line;

  for (let line = firstLine; line < lines.lineCount; line++) {
    const lineStart = lines.lineStarts[line];
    if (lineStart >= bodyEnd) break;
    const lineEnd = Math.min(lines.lineEnd(line), bodyEnd);
    const first = firstNonSpace(text, lineStart, lineEnd);
    if (first === lineEnd) {
      current = null;
      continue;
    }
    const marker = matchMarker(text, first);
    if (!seenContent) {
      seenContent = true;
      if (!marker && isTitleLine(text, lines, line, first, lineEnd, bodyEnd)) {
        const end = trimEnd(text, first, lineEnd);
        title = { text: text.slice(first, end), start: first, end, range: lines.range(first, end) };
        continue;
      }
    }
    const bullet = marker ? -1 : matchBullet(text, first);
    if (marker) current = openNumbered(text, lines, marker, lineEnd, paragraphs, stack);
    else if (bullet >= 0 || !current) current = openUnnumbered(text, lines, first, bullet >= 0 ? bullet : first, lineEnd, paragraphs, stack);
    else current.end = lineEnd;
  }
  for (const p of paragraphs) finish(p, text, paragraphs, counters);
  return { title, paragraphs };
}

function openNumbered(text: string, lines: LineIndex, marker: RawMarker, lineEnd: number, paragraphs: ParagraphNode[], stack: Open[]): ParagraphNode {
  const style = resolveStyle(marker, paragraphs, stack);
  const level = LEVEL[style] + (style === 'decimal' ? marker.label.split('.').length - 1 : 0);
  while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
  // Only sub-paragraphs nest under an unnumbered lead-in ("The Council decides:" then (a), (b)).
  if (level < LEVEL.letter) while (stack.length > 0 && stack[stack.length - 1].level === UNNUMBERED_LEVEL) stack.pop();
  // "2.1" belongs under "2", never under another number.
  if (style === 'decimal') {
    const prefix = marker.label.slice(0, marker.label.lastIndexOf('.'));
    while (stack.length > 0 && paragraphs[stack[stack.length - 1].index].label !== prefix) stack.pop();
  }
  const parent = stack.length > 0 ? stack[stack.length - 1].index : null;
  const p = newParagraph(text, lines, paragraphs.length, marker.start, marker.textStart, lineEnd, parent, paragraphs);
  p.label = marker.label;
  p.style = style;
  p.markerEnd = marker.end;
  paragraphs.push(p);
  stack.push({ index: p.index, level });
  return p;
}

function openUnnumbered(text: string, lines: LineIndex, start: number, textStart: number, lineEnd: number, paragraphs: ParagraphNode[], stack: Open[]): ParagraphNode {
  stack.length = 0;
  const p = newParagraph(text, lines, paragraphs.length, start, textStart, lineEnd, null, paragraphs);
  paragraphs.push(p);
  stack.push({ index: p.index, level: UNNUMBERED_LEVEL });
  return p;
}

function newParagraph(text: string, lines: LineIndex, index: number, start: number, textStart: number, end: number, parent: number | null, paragraphs: ParagraphNode[]): ParagraphNode {
  if (parent !== null) {
    const siblings = paragraphs[parent].children;
    if (siblings === NO_CHILDREN) paragraphs[parent].children = [index];
    else siblings.push(index);
  }
  return new ParagraphNode(text, lines, index, start, textStart, end, parent, parent === null ? 0 : paragraphs[parent].depth + 1);
}

/** Shared by every paragraph without children until its first child arrives. */
const NO_CHILDREN: number[] = [];

/**
 * A paragraph whose ranges and excerpt are computed when first read: a long statement has tens of thousands of
 * paragraphs, and most requests look at a few.
 */
class ParagraphNode implements Paragraph {
  label: string | null = null;
  path = '';
  kind: ParagraphKind = 'unnumbered';
  style: MarkerStyle | null = null;
  /** End offset of the marker; equals `start` when unnumbered. */
  markerEnd: number;
  children: number[] = NO_CHILDREN;
  subtreeEnd: number;
  #range?: Range;
  #markerRange?: Range;
  #excerpt?: string;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly index: number,
    public start: number,
    public textStart: number,
    public end: number,
    readonly parent: number | null,
    readonly depth: number,
  ) {
    this.markerEnd = start;
    this.subtreeEnd = end;
  }

  get marker(): string | null {
    return this.label === null ? null : this.text.slice(this.start, this.markerEnd);
  }

  get markerRange(): Range | null {
    if (this.label === null) return null;
    return (this.#markerRange ??= this.lines.range(this.start, this.markerEnd));
  }

  get range(): Range {
    return (this.#range ??= this.lines.range(this.start, this.end));
  }

  get excerpt(): string {
    return (this.#excerpt ??= excerptOf(this.text, this.textStart, this.end));
  }

  /** Plain data for JSON: the getters above live on the prototype, which JSON.stringify skips. */
  toJSON(): Paragraph {
    const { index, label, path, kind, style, marker, markerRange, start, end, textStart, range, depth, parent, children, subtreeEnd, excerpt } = this;
    return { index, label, path, kind, style, marker, markerRange, start, end, textStart, range, depth, parent, children, subtreeEnd, excerpt };
  }
}

/**
 * "(i)" is the ninth letter right after "(h)" and a roman numeral otherwise; likewise "(v)" after "(u)" and
 * "(x)" after "(w)".
 */
function resolveStyle(marker: RawMarker, paragraphs: ParagraphNode[], stack: Open[]): MarkerStyle {
  if (marker.styles.length === 1) return marker.styles[0];
  for (let i = stack.length - 1; i >= 0 && stack[i].level >= LEVEL.letter; i--) {
    const open = paragraphs[stack[i].index];
    if (open.style === 'letter') {
      return ordinalOf(open.label!, 'letter') === ordinalOf(marker.label, 'letter') - 1 ? 'letter' : 'roman';
    }
  }
  return 'roman';
}

/** Fills what depends on the whole paragraph: kind, path, subtree end. */
function finish(p: ParagraphNode, text: string, paragraphs: ParagraphNode[], counters: { preambular: number; other: number }): void {
  const parent = p.parent === null ? null : paragraphs[p.parent];
  p.end = trimEnd(text, p.start, p.end);
  p.textStart = Math.min(p.textStart, p.end);
  p.subtreeEnd = p.end;
  const opening = classifyOpening(text, p.textStart, p.end);
  if (p.style === 'letter' || p.style === 'roman') p.kind = 'subparagraph';
  else if (p.style) p.kind = opening === 'operative' ? 'operative' : 'numbered';
  else p.kind = opening === 'preambular' ? 'preambular' : 'unnumbered';
  if (p.label === null) {
    p.path = p.kind === 'preambular' ? `PP${++counters.preambular}` : `P${++counters.other}`;
  } else {
    p.path = parent && p.style !== 'decimal' ? `${parent.path}.${p.label}` : p.label;
  }
  for (let a = parent; a; a = a.parent === null ? null : paragraphs[a.parent]) {
    if (a.subtreeEnd >= p.end) break;
    a.subtreeEnd = p.end;
  }
}

function isTitleLine(text: string, lines: LineIndex, line: number, first: number, lineEnd: number, bodyEnd: number): boolean {
  const next = line + 1;
  const nextIsBlank = next >= lines.lineCount || lines.lineStarts[next] >= bodyEnd || firstNonSpace(text, lines.lineStarts[next], lines.lineEnd(next)) === lines.lineEnd(next);
  const end = trimEnd(text, first, lineEnd);
  return nextIsBlank && end - first <= 200 && !/[.,;:]/.test(text[end - 1]);
}

const EXCERPT_LENGTH = 60;

/** The paragraph's opening words with whitespace collapsed, cut at a word boundary and marked "…" when cut. */
export function excerptOf(text: string, start: number, end: number): string {
  const head = text.slice(start, Math.min(end, start + EXCERPT_LENGTH * 2)).replace(/\s+/g, ' ');
  if (head.length <= EXCERPT_LENGTH && end - start <= EXCERPT_LENGTH * 2) return head;
  const cut = head.lastIndexOf(' ', EXCERPT_LENGTH);
  return `${head.slice(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x2009 && c !== 0x202f && c !== 0xfeff) break;
    i++;
  }
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0xfeff || c === 0x3000;
}
