import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addCodeEdit, codeTitle, parseCodebook } from '../../../server/src/core/coding/codebook';

const root = path.resolve(__dirname, '../../..');

test('the sample codebook loads without problems, with hierarchy, colours and suggest rules', () => {
  const cb = parseCodebook('file:///s/codebook.yaml', readFileSync(path.join(root, 'samples/codebook.yaml'), 'utf8'));
  assert.deepEqual(cb.problems, []);
  assert.deepEqual(cb.roots, ['HUM', 'CT', 'POL', 'REF']);
  const ext = cb.codes.get('CT.EXT')!;
  assert.equal(ext.parent, 'CT');
  assert.equal(ext.color, '#E74C3C');
  assert.deepEqual(ext.suggest?.documents, ['S/RES/2178 (2014)']);
  assert.equal(cb.codes.get('HUM')!.codable, false);
  assert.deepEqual(cb.codes.get('HUM')!.children, ['HUM.ACCESS', 'HUM.AID', 'HUM.PROT']);
  assert.equal(codeTitle(cb, 'CT.EXT'), 'Counter-terrorism › Violent extremism');
});

test('problems at exact lines: unknown keys, colours, cycles, duplicates, bad and missing ids', () => {
  const cb = parseCodebook('u', `codes:
  - &a
    id: A
    colour: red
    color: #ff0000
    children:
      - *a
  - id: B
    color: blue
  - id: A
  - id: "two words"
  - label: No id
  - id: C
    color: "#abc"
    codable: maybe
    suggest:
      kinds: [operative, preamble]
`);
  assert.deepEqual(cb.problems.map((p) => [p.code, p.severity, p.message, p.range.start.line, p.range.start.character, p.range.end.character]), [
    ['codebook-unknown-key', 2, "Unknown key 'colour' in a code (did you mean 'color'?)", 3, 4, 10],
    ['codebook-bad-color', 1, "Colour of 'A' is empty: quote it, an unquoted # starts a YAML comment", 4, 4, 9],
    ['codebook-cycle', 1, "Code hierarchy cycle: 'A' contains itself", 6, 8, 10],
    ['codebook-bad-color', 1, "Colour 'blue' of 'B' is not a hex colour like \"#1F77B4\"", 8, 11, 15],
    ['codebook-duplicate-id', 1, "Duplicate code id 'A' (first defined on line 3)", 9, 8, 9],
    ['codebook-bad-id', 1, "Code id 'two words' must start with a letter, digit or _ and hold only letters, digits, '_', '.', '-' or '/'", 10, 8, 19],
    ['codebook-missing-id', 1, 'This code has no `id`', 11, 4, 9],
    ['codebook-invalid', 1, '`codable` of \'C\' must be true or false', 14, 13, 18],
    ['codebook-invalid', 1, "Unknown paragraph kind 'preamble' (expected operative, preambular, numbered, unnumbered, subparagraph)", 16, 25, 33],
  ]);
  assert.equal(cb.codes.get('C')!.color, '#AABBCC');
  assert.deepEqual(cb.problems[1].fixes![0].edit.changes!.u, [{ range: { start: { line: 4, character: 11 }, end: { line: 4, character: 18 } }, newText: '"#ff0000"' }]);
});

test('alias bombs are bounded and YAML syntax errors reported', () => {
  const bomb = ['codes:', '  - &x {id: X}', ...Array.from({ length: 150 }, () => '  - *x')].join('\n');
  const cb = parseCodebook('u', bomb);
  assert.ok(cb.problems.some((p) => p.message.startsWith('Alias not expanded: more than 100 aliases')));
  const broken = parseCodebook('u', 'codes:\n  - id: [A\n');
  assert.deepEqual([broken.problems[0].code, broken.problems[0].message, broken.problems[0].range.start.line], ['codebook-invalid', 'Flow sequence in block collection must be sufficiently indented and end with a ]', 2]);
  assert.deepEqual(parseCodebook('u', '').problems.map((p) => p.message), ['The codebook is empty: expected a `codes:` list']);
});

test('addCodeEdit places a dotted id under its parent, keeping comments', () => {
  const cb = parseCodebook('file:///cb.yaml', '# my codes\ncodes:\n  - id: CT # terrorism\n    children:\n      - id: CT.EXT\n  - id: HUM\n');
  assert.deepEqual(addCodeEdit(cb, 'CT.FIN'), {
    changes: { 'file:///cb.yaml': [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '      - id: CT.FIN\n        label: CT.FIN\n' }] },
  });
  assert.deepEqual(addCodeEdit(cb, 'NEW'), {
    changes: { 'file:///cb.yaml': [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '  - id: NEW\n    label: NEW\n' }] },
  });
});
