import type { CancellationToken } from 'vscode-languageserver-protocol';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph } from '../core/model';
import { countWords, sentenceSpans } from '../core/sentences';
import { containsPosition } from '../core/text';
import { codesSection } from './codingHover';
import { selectionRangeOf } from './documentSymbols';
import { paragraphEntitiesSection } from './entityHover';
import { escapeMarkdown, plural } from './markdown';
import { referencesSection } from './referenceParagraphSection';

/** Lines that describe what a paragraph holds; later analyses (references, entities, codes) add theirs here. */
export type ParagraphSection = (doc: DocumentAnalysis, p: Paragraph) => string | null;

const sections: ParagraphSection[] = [subparagraphsSection, referencesSection, paragraphEntitiesSection, codesSection];

/** The paragraph card, shown on a paragraph's marker (or the first line of an unnumbered paragraph). */
export function paragraphHover(doc: DocumentAnalysis, position: Position, token: CancellationToken): Hover | null {
  const s = doc.statement;
  const p = s.paragraphs.find((q) => containsPosition(selectionRangeOf(s, q), position));
  if (!p || token.isCancellationRequested) return null;
  const sentences = sentenceSpans(s.text, p.textStart, p.end).length;
  const lines = [
    `**Paragraph ${escapeMarkdown(p.path)}** · ${p.kind}`,
    '',
    `${plural(countWords(s.text, p.textStart, p.end), 'word')} · ${plural(sentences, 'sentence')}`,
  ];
  for (const section of sections) {
    const text = section(doc, p);
    if (text) lines.push('', text);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: selectionRangeOf(s, p) };
}

function subparagraphsSection(doc: DocumentAnalysis, p: Paragraph): string | null {
  if (p.children.length === 0) return null;
  const labels = p.children.map((i) => doc.statement.paragraphs[i].marker ?? doc.statement.paragraphs[i].path);
  return `${plural(p.children.length, 'subparagraph')}: ${labels.map(escapeMarkdown).join(' ')}`;
}
