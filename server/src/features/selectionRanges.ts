import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph } from '../core/model';
import { sentenceSpans } from '../core/sentences';

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** Expanding selections: word → sentence → paragraph → parent paragraphs → whole text. */
export function selectionRanges(doc: DocumentAnalysis, positions: Position[], token: CancellationToken): SelectionRange[] {
  const s = doc.statement;
  return positions.map((position) => {
    const offset = s.lines.offsetAt(position);
    const spans: [number, number][] = [];
    let wordStart = offset;
    let wordEnd = offset;
    while (wordStart > 0 && WORD_CHAR.test(s.text[wordStart - 1])) wordStart--;
    while (wordEnd < s.text.length && WORD_CHAR.test(s.text[wordEnd])) wordEnd++;
    spans.push([wordStart, wordEnd]);
    const p = token.isCancellationRequested ? undefined : innermostParagraph(s.paragraphs, offset);
    if (p) {
      const sentence = sentenceSpans(s.text, p.textStart, p.end).find(([a, b]) => a <= offset && offset <= b);
      if (sentence) spans.push(sentence);
      spans.push([p.start, p.end]);
      for (let a: Paragraph | undefined = p; a; a = a.parent === null ? undefined : s.paragraphs[a.parent]) spans.push([a.start, a.subtreeEnd]);
    }
    spans.push([0, s.text.length]);
    let result: SelectionRange | undefined;
    let last: [number, number] | undefined;
    for (const span of spans.reverse()) {
      // Each range must lie inside the next one out; skip repeats.
      if (last && (span[0] < last[0] || span[1] > last[1] || (span[0] === last[0] && span[1] === last[1]))) continue;
      result = { range: s.lines.range(span[0], span[1]), parent: result };
      last = span;
    }
    return result!;
  });
}

/** The deepest paragraph whose own text (marker to last line) contains the offset. */
export function innermostParagraph(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= paragraphs[found].end ? paragraphs[found] : undefined;
}
