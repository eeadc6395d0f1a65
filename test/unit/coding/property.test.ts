import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { readCodings, setParagraphCodes } from '../../../server/src/core/coding/codings';
import { LineIndex } from '../../../server/src/core/text';

/** Pieces of codings YAML, valid and broken, and of statement bodies. */
const yamlPiece = fc.constantFrom(
  'codings:\n', '  - paragraph: "1"\n', '  - paragraph: 2\n', '    codes: [A, B]\n', '    codes: [A, A\n', '    codes: A\n', '    quote: "One two three four"\n',
  '    memo: |\n      x\n', '  - &x {paragraph: "1", codes: [A]}\n', '  - *x\n', '# c\n', '  -\n', 'title: t\n', '    quote: "Zzz"\n', '\t', ': :\n', '"\n',
);
const bodyPiece = fc.constantFrom('1. One two three four.\n', '2. Five six.\n', '(a) Sub.\n', '\n', 'Recalling all.\n', 'Text\r\n', '😀');
const codebook = parseCodebook('file:///cb.yaml', 'codes:\n  - id: A\n  - id: B\n    codable: false\n');

function inside(range: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStarts[p.line];
  return ok(range.start) && ok(range.end);
}

test('any codings YAML: no exception, problem ranges inside the file, edits either refused or readable back', () => {
  fc.assert(
    fc.property(fc.array(yamlPiece, { maxLength: 12 }), fc.array(bodyPiece, { maxLength: 8 }), (yaml, body) => {
      const text = `---\n${yaml.join('')}---\n${body.join('')}`;
      const doc = analyzeDocument('file:///p.statement', 1, text, { coding: { codebook } });
      for (const p of doc.codings.problems) assert.ok(inside(p.range, doc.statement.lines), `${p.code} ${JSON.stringify(p.range)}`);
      const first = doc.statement.paragraphs[0];
      if (!first) return;
      const result = setParagraphCodes({ statement: doc.statement, codings: doc.codings, storage: 'frontMatter' }, [first.path], ['A'], []);
      if ('error' in result) return;
      const edits: TextEdit[] = (result.edit as WorkspaceEdit).changes!['file:///p.statement'];
      const lines = doc.statement.lines;
      let out = doc.statement.text;
      for (const e of [...edits].sort((x, y) => lines.offsetAt(y.range.start) - lines.offsetAt(x.range.start))) {
        out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
      }
      const again = analyzeDocument('file:///p.statement', 2, out, { coding: { codebook } });
      const tagged = readCodings(again.statement, { codebook });
      const target = again.statement.paragraphs.find((p) => p.path === first.path);
      assert.ok(target && tagged.byParagraph.get(target.index)?.codes.includes('A'), out);
    }),
    { numRuns: 300 },
  );
});
