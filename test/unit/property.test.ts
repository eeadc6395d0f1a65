import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CancellationToken } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import { analyzeDocument } from '../../server/src/core/analysis';
import { LineIndex } from '../../server/src/core/text';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { selectionRanges } from '../../server/src/features/selectionRanges';

/** Pieces that exercise the parser: markers, line breaks, front matter fences, quotes, odd whitespace. */
const piece = fc.constantFrom(
  '1. ', '(a) ', '(i) ', 'ii. ', '1.1 ', '(h)', '\n', '\r\n', '\r', '\n\n', '---\n', '...', 'Decides ', 'Recalling ',
  'Share this', 'uses cookies', '\u00A0', '\t', ' ', '\uFEFF', '“', '’', 'é', '😀', 'resolution 2254 (2015)', 'title: [',
);
const text = fc.oneof(fc.array(piece, { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }));

function inside(range: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStarts[p.line];
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

test('any text: no exception, and every range lies inside the document', () => {
  fc.assert(
    fc.property(text, (t) => {
      const doc = analyzeDocument('file:///p', 1, t);
      const s = doc.statement;
      for (const p of s.paragraphs) {
        assert.ok(inside(p.range, s.lines), `paragraph ${p.path}`);
        assert.ok(p.start <= p.textStart && p.textStart <= p.end && p.end <= p.subtreeEnd);
      }
      for (const problem of s.problems) assert.ok(inside(problem.range, s.lines), problem.code);
      const walk = (symbols: ReturnType<typeof documentSymbols>) => symbols.forEach((sym) => {
        assert.ok(inside(sym.range, s.lines) && inside(sym.selectionRange, s.lines), sym.name);
        walk(sym.children ?? []);
      });
      walk(documentSymbols(doc, CancellationToken.None));
      for (const f of foldingRanges(doc, CancellationToken.None)) assert.ok(f.startLine < f.endLine && f.endLine < s.lines.lineCount);
      const last = s.lines.lineCount - 1;
      for (const sel of selectionRanges(doc, [{ line: 0, character: 0 }, { line: last, character: 1 }], CancellationToken.None)) {
        assert.ok(inside(sel.range, s.lines));
      }
    }),
    { numRuns: 500 },
  );
});
