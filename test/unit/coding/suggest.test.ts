import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, problemsOf } from '../../../server/src/core/analysis';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { readCodings } from '../../../server/src/core/coding/codings';
import { suggestCodes, suggestedCodeOf } from '../../../server/src/core/coding/suggest';
import { statementOf } from './statement';

const codebook = parseCodebook('file:///cb.yaml', `codes:
  - id: CT
    codable: false
    suggest:
      keywords: [terrorism]
    children:
      - id: CT.EXT
        suggest:
          entities: ["Da'esh"]
          documents: ["S/RES/2178 (2014)"]
          keywords: [foreign terrorist fighters]
      - id: CT.COND
        suggest:
          kinds: [operative]
          keywords: [condemns]
  - id: REF
    suggest:
      kinds: [preambular]
`);

const text = `---
codings:
  - paragraph: "2"
    codes: [CT.EXT]
---
Recalling its resolution 2178 (2014),

1. Condemns the attacks by Da’esh and the flow of foreign
   terrorist fighters;

2. Notes that Da’esh recruits foreign terrorist fighters, as stated in S/RES/2178 (2014);
`;

test('suggest rules: entities (’ matches \'), documents, keywords across line breaks, kinds; coded and non-codable codes skipped', () => {
  const st = statementOf(text);
  const suggestions = suggestCodes(st, readCodings(st, { codebook }), codebook);
  assert.deepEqual(suggestions.map((s) => [st.paragraphs[s.paragraph].path, s.code, s.reasons]), [
    ['PP1', 'REF', ['preambular paragraph']],
    ['1', 'CT.EXT', ["mentions Da'esh", '“foreign terrorist fighters”']],
    ['1', 'CT.COND', ['“condemns”']],
  ]);
});

test('entity and reference facts from other analyses add to matching the text as written', () => {
  const st = statementOf(text);
  const facts = () => ({ references: ['S/RES/2178 (2014)'], entities: [] });
  const suggestions = suggestCodes(st, readCodings(st, { codebook }), codebook, facts);
  assert.deepEqual(suggestions.filter((s) => s.code === 'CT.EXT').map((s) => [st.paragraphs[s.paragraph].path, s.reasons]), [
    ['PP1', ['cites S/RES/2178 (2014)']],
    ['1', ["mentions Da'esh", 'cites S/RES/2178 (2014)', '“foreign terrorist fighters”']],
  ]);
});

test('analyzeDocument carries codings; suggestion hints sit on the paragraph marker', () => {
  const doc = analyzeDocument('file:///s.statement', 1, text, { coding: { codebook } });
  assert.deepEqual(doc.codings.byParagraph.get(2)?.codes, ['CT.EXT']);
  const hints = problemsOf(doc).filter((p) => p.code === 'code-suggestion');
  // The reference analysis reads "resolution 2178 (2014)" as S/RES/2178 (2014).
  assert.deepEqual(hints.map((h) => [h.message, h.range, h.severity]), [
    ['Suggested code CT.EXT (cites S/RES/2178 (2014))', { start: { line: 5, character: 0 }, end: { line: 5, character: 37 } }, 4],
    ['Suggested code REF (preambular paragraph)', { start: { line: 5, character: 0 }, end: { line: 5, character: 37 } }, 4],
    ["Suggested code CT.EXT (mentions Da'esh, “foreign terrorist fighters”)", { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } }, 4],
    ['Suggested code CT.COND (“condemns”)', { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } }, 4],
  ]);
  assert.equal(suggestedCodeOf(hints[2].message), 'CT.EXT');
});

test('suggestions follow edits: matches are remembered per paragraph text, not per position', () => {
  const before = statementOf('1. Condemns the attack.\n\n2. Notes the weather.\n');
  const after = statementOf('1. Notes the weather.\n\n2. Condemns the attack.\n');
  const codes = (st: ReturnType<typeof statementOf>) =>
    suggestCodes(st, readCodings(st, { codebook }), codebook).map((s) => [st.paragraphs[s.paragraph].path, s.code]);
  assert.deepEqual(codes(before), [['1', 'CT.COND']]);
  assert.deepEqual(codes(after), [['2', 'CT.COND']]);
});
