import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createCatalogStore, findReferences } from '../../server/src/core/references';
import { referenceProblems } from '../../server/src/core/references/problems';
import { LineIndex } from '../../server/src/core/text';

/** Pieces of reference phrases, spacing and noise, in any order. */
const piece = fc.constantFrom(
  'resolution', 'resolutions', 'Resolution', 'UNSCR', 'UNSCRs', 'Security Council', 'General Assembly', 'SC', 'Res.', 'paragraph 6 of',
  'OP 3 of', ' ', '\u00A0', '\u2009', '\n', '\r\n', ',', ' and ', ' as well as ', '2254', '(2015)', '(2016)', '70/1', 'ES-10/2', '57/270 B',
  'S/RES/', 'A/RES/', 'A/HRC/RES/', 'S/PRST/2015/11', 'S/2017/573', '/Rev.1', '(j)', '1,050,000', 'Senate Joint', '99999', '(XXX)', '“', '😀',
);
const text = fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 120 }));
const store = createCatalogStore();

test('any text: references never throw, are ordered, do not overlap, and their text is the range they cover', () => {
  fc.assert(
    fc.property(text, (t) => {
      const lines = new LineIndex(t);
      const refs = findReferences(lines, store);
      let last = 0;
      for (const r of refs) {
        assert.ok(r.start >= last && r.end > r.start && r.end <= t.length, `bad offsets in ${JSON.stringify(t)}`);
        assert.equal(t.slice(r.start, r.end), r.text);
        assert.deepEqual(r.range, lines.range(r.start, r.end));
        if (r.pinpoint) assert.equal(t.slice(r.pinpoint.start, r.pinpoint.end), r.pinpoint.text);
        last = r.end;
      }
      referenceProblems(refs, { uri: 'u', lines, uncataloguedSeverity: DiagnosticSeverity.Hint, catalogTarget: { uri: 'c', text: null } });
    }),
    { numRuns: 2000 },
  );
});
