import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStatement } from '../../server/src/core/statement';

const parse = (text: string, maxFileSize?: number) => parseStatement({ uri: 'file:///t.statement', version: 1, text, maxFileSize });
const summary = (text: string) => parse(text).paragraphs.map((p) => `${p.path} ${p.kind}`);
const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('numbered paragraphs with a title, hard-wrapped lines continuing the paragraph', () => {
  const s = parse('Joint Statement\n\n  1. These are essential\nmilestones.\n  2. We welcome progress.\n');
  assert.equal(s.title?.text, 'Joint Statement');
  assert.deepEqual(s.title?.range, r(0, 0, 0, 15));
  assert.deepEqual(s.paragraphs.map((p) => [p.label, p.path, p.kind, p.marker]), [
    ['1', '1', 'numbered', '1.'],
    ['2', '2', 'numbered', '2.'],
  ]);
  assert.deepEqual(s.paragraphs[0].range, r(2, 2, 3, 11));
  assert.deepEqual(s.paragraphs[0].markerRange, r(2, 2, 2, 4));
  assert.equal(s.paragraphs[0].excerpt, 'These are essential milestones.');
  assert.deepEqual(s.problems, []);
});

test('every marker form is recognised', () => {
  const forms = ['1. a', '1) a', '(1) a', '1.1 A', '(a) a', 'a) a', 'a. a', '(i) a', 'i. a', '1.\u00A0a', '1.\ta', '\t2. a'];
  for (const form of forms) assert.ok(parse(form).paragraphs[0]?.label, form);
  assert.deepEqual(parse('(a) x').paragraphs.map((p) => p.label), ['a']);
  assert.deepEqual(parse('1.1 X').paragraphs.map((p) => p.style), ['decimal']);
  assert.deepEqual(parse('1x. text\n12345. text').paragraphs.map((p) => p.label), [null]);
  assert.deepEqual(parse('1. We pledged USD\n5.2 billion to COVAX.\n1.1 Sub').paragraphs.map((p) => p.label), ['1', '1.1'], 'an amount is not a decimal marker');
});

test('UN-style resolution: preambular, operative, subparagraphs (a) and (i)', () => {
  const text = [
    'The Security Council,',
    '',
    'Recalling its resolutions 2170 (2014) and 2178 (2014),',
    '',
    'Deeply concerned by the threat,',
    '',
    '1. Decides that States shall:',
    '(a) prevent the movement;',
    '(i) of fighters;',
    '(ii) of funds;',
    '(b) report;',
    '2. Strongly condemns the attacks;',
    '3. Requests the Secretary-General to report;',
    '4. Notes with concern;',
    'the attacks.',
    '',
    'Further text.',
  ].join('\n');
  assert.deepEqual(summary(text), [
    'P1 unnumbered', 'PP1 preambular', 'PP2 preambular', '1 operative', '1.a subparagraph', '1.a.i subparagraph',
    '1.a.ii subparagraph', '1.b subparagraph', '2 operative', '3 operative', '4 operative', 'P2 unnumbered',
  ]);
  const s = parse(text);
  assert.equal(s.paragraphs[3].depth, 0);
  assert.equal(s.paragraphs[5].depth, 2);
  assert.deepEqual(s.paragraphs[3].children, [4, 7]);
  assert.equal(s.paragraphs[3].subtreeEnd, s.paragraphs[7].end);
  assert.equal(s.title, null, 'a line ending with a comma is not a title');
});

test('(i) after (h) is a letter, otherwise a roman numeral', () => {
  const letters = '1. x\n' + 'abcdefghij'.split('').map((l) => `(${l}) y`).join('\n');
  assert.deepEqual(parse(letters).paragraphs.slice(-3).map((p) => [p.path, p.style]), [['1.h', 'letter'], ['1.i', 'letter'], ['1.j', 'letter']]);
  assert.deepEqual(parse('1. x\n(i) y\n(ii) z').paragraphs.map((p) => [p.path, p.style]), [['1', 'arabic'], ['1.i', 'roman'], ['1.ii', 'roman']]);
  assert.deepEqual(parse('(u) x\n(v) y').paragraphs.map((p) => p.style), ['letter', 'letter']);
  assert.deepEqual(parse('(a) x\n(i) y\n(v) z').paragraphs.map((p) => p.path), ['a', 'a.i', 'a.v']);
});

test('decimal paragraphs nest under their integer paragraph', () => {
  const s = parse('1. One\n1.1 Sub\n1.2 Sub\n2. Two\n2.1 Sub');
  assert.deepEqual(s.paragraphs.map((p) => [p.path, p.depth]), [['1', 0], ['1.1', 1], ['1.2', 1], ['2', 0], ['2.1', 1]]);
  assert.deepEqual(s.problems, []);
});

test('sub-paragraphs nest under an unnumbered lead-in, numbered paragraphs do not', () => {
  assert.deepEqual(summary('The Council decides:\n(a) one;\n(b) two.\n\n1. Next'), ['P1 unnumbered', 'P1.a subparagraph', 'P1.b subparagraph', '1 numbered']);
});

test('unnumbered blocks separated by blank lines are paragraphs; bullets start items', () => {
  assert.deepEqual(summary('Title here\n\nFirst block\nwrapped.\n\nSecond block.\n• item one\n• item two'), ['P1 unnumbered', 'P2 unnumbered', 'P3 unnumbered', 'P4 unnumbered']);
  assert.equal(parse('Title here\n\nFirst').title?.text, 'Title here');
});

test('line endings LF, CRLF and CR and a BOM give the same paragraphs', () => {
  const lf = 'Title\n\n1. One\nwrapped\n2. Two\n';
  for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), '\uFEFF' + lf]) {
    const s = parse(text);
    assert.deepEqual(s.paragraphs.map((p) => [p.path, p.range]), [['1', r(2, 0, 3, 7)], ['2', r(4, 0, 4, 6)]]);
  }
});

test('front matter is parsed and skipped; a malformed block is reported at its exact line', () => {
  const ok = parse('---\ntitle: A Statement\nissuer: Coalition\ncustom: [1, 2]\n---\n1. Text');
  assert.deepEqual(ok.frontMatter?.data, { title: 'A Statement', issuer: 'Coalition', custom: [1, 2] });
  assert.deepEqual(ok.frontMatter?.range, r(0, 0, 4, 3));
  assert.deepEqual(ok.paragraphs.map((p) => p.path), ['1']);

  const bad = parse('---\ntitle: A\ntitle: B\n---\n1. Text');
  assert.equal(bad.frontMatter?.data, null);
  assert.deepEqual(bad.paragraphs.map((p) => p.path), ['1'], 'the body is still analysed');
  assert.equal(bad.problems[0].code, 'front-matter-invalid');
  assert.equal(bad.problems[0].range.start.line, 2);
  assert.deepEqual(bad.problems[0].range, r(2, 0, 2, 1));
  assert.equal(bad.problems[0].message, 'Front matter is not valid YAML: Map keys must be unique');
  assert.equal(parse('---\ndate: [2016\n---\nText').problems[0].code, 'front-matter-invalid');

  const list = parse('---\n- a\n---\nText');
  assert.deepEqual(list.problems.map((p) => [p.code, p.range.start.line, p.message]), [
    ['front-matter-invalid', 1, 'Front matter must be a mapping of keys to values, such as "title: …".'],
  ]);
  assert.deepEqual(parse('---\ntitle: x\n').problems.map((p) => [p.code, p.range]), [['front-matter-invalid', r(0, 0, 0, 3)]]);
});

test('YAML alias bombs in front matter are refused, not expanded', () => {
  const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefghij'[i]).join(',')}]`), '---', 'Text'].join('\n');
  const s = parse(bomb);
  assert.equal(s.frontMatter?.data, null);
  assert.equal(s.problems[0].code, 'front-matter-invalid');
});

test('trailing web boilerplate is a hint with a fix that deletes it', () => {
  const text = '1. Text.\n\nShare this\nPrint\n';
  const s = parse(text);
  assert.deepEqual(s.paragraphs.map((p) => p.path), ['1']);
  const problem = s.problems.find((p) => p.code === 'web-boilerplate')!;
  assert.deepEqual(problem.range, r(2, 0, 3, 5));
  assert.equal(problem.severity, 4);
  assert.deepEqual(problem.fixes![0].edit.changes!['file:///t.statement'], [{ range: r(0, 8, 4, 0), newText: '\n' }]);
  assert.deepEqual(parse('1. Please share this with us.\n').problems, [], 'the words inside a paragraph are not boilerplate');
});

test('numbering gap, duplicate and order, with renumbering fixes', () => {
  const gap = parse('1. a\n2. b\n4. c\n5. d');
  assert.deepEqual(gap.problems.map((p) => [p.code, p.message, p.range]), [['paragraph-number-gap', 'Numbering skips: paragraph 3 is missing.', r(2, 0, 2, 2)]]);
  assert.deepEqual(gap.problems[0].fixes![0].title, 'Renumber 2 paragraphs (4 → 3, …)');
  assert.deepEqual(gap.problems[0].fixes![0].edit.changes!['file:///t.statement'], [
    { range: r(2, 0, 2, 1), newText: '3' },
    { range: r(3, 0, 3, 1), newText: '4' },
  ]);
  assert.equal(parse('1. a\n5. b').problems[0].message, 'Numbering skips: paragraphs 2–4 are missing.');

  const dup = parse('1. a\n2. b\n2. c');
  assert.deepEqual(dup.problems.map((p) => [p.code, p.message]), [['paragraph-number-duplicate', 'Paragraph number 2 is used twice: paragraph 2 is already on line 2.']]);
  assert.equal(dup.problems[0].fixes![0].title, 'Renumber paragraph 2 → 3');

  const order = parse('1. a\n3. b\n2. c');
  assert.deepEqual(order.problems.map((p) => p.code), ['paragraph-number-gap', 'paragraph-number-order']);
  assert.equal(order.problems[1].message, 'Paragraph 2 is out of order: it comes after paragraph 3.');
  assert.deepEqual(order.problems[1].fixes![0].edit.changes!['file:///t.statement'], [
    { range: r(1, 0, 1, 1), newText: '2' },
    { range: r(2, 0, 2, 1), newText: '3' },
  ]);

  const sub = parse('1. x\n(a) y\n(c) z');
  assert.deepEqual(sub.problems.map((p) => [p.message, p.fixes![0].edit.changes!['file:///t.statement']]), [
    ['Numbering skips: paragraph 1 (b) is missing.', [{ range: r(2, 1, 2, 2), newText: 'b' }]],
  ]);
  assert.deepEqual(parse('1. a\n\nAn interruption.\n\n2. b').problems, [], 'unnumbered paragraphs do not break the count');
  assert.deepEqual(parse('1. a\n2. b\n\nUkraine\n\n1. c\n2. d').problems, [], 'a list restarting at 1 after a heading is a new list');
  assert.deepEqual(parse('1. a\n2. b\n\nUkraine\n\n3. c\n3. d').problems.map((p) => p.code), ['paragraph-number-duplicate']);
});

test('binary and oversized input get one diagnostic and no analysis', () => {
  const binary = parse('1. a\u0000b');
  assert.equal(binary.skipped, 'binary');
  assert.deepEqual(binary.paragraphs, []);
  assert.deepEqual(binary.problems.map((p) => p.code), ['file-binary']);
  const big = parse('1. ' + 'x'.repeat(2000), 1000);
  assert.equal(big.skipped, 'too-large');
  assert.equal(big.problems[0].message, 'This file is larger than 1 KB (policyAnnotator.maxFileSize), so it is not analysed.');
  assert.equal(parse('1. ' + 'é'.repeat(400), 1000).skipped, null, 'counts UTF-8 bytes: 803 bytes fit');
  assert.equal(parse('1. ' + 'é'.repeat(600), 1000).skipped, 'too-large');
});

test('empty and whitespace-only documents', () => {
  for (const text of ['', '\n\n', '   \r\n\t']) {
    const s = parse(text);
    assert.deepEqual([s.paragraphs, s.problems, s.title], [[], [], null]);
  }
});
