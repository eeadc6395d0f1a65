import type { CancellationToken } from 'vscode-languageserver-protocol';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';

/** Front matter, and each paragraph together with its subparagraphs, when they span several lines. */
export function foldingRanges(doc: DocumentAnalysis, token: CancellationToken): FoldingRange[] {
  const s = doc.statement;
  const ranges: FoldingRange[] = [];
  if (s.frontMatter) {
    ranges.push({ startLine: s.frontMatter.range.start.line, endLine: s.frontMatter.range.end.line, kind: FoldingRangeKind.Region });
  }
  for (const p of s.paragraphs) {
    if (token.isCancellationRequested) return [];
    const endLine = s.lines.positionAt(p.subtreeEnd).line;
    if (endLine > p.range.start.line) ranges.push({ startLine: p.range.start.line, endLine });
  }
  return ranges;
}
