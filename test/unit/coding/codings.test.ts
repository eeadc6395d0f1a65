import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { readCodings, removeCode, renameCodeEdits, setMemo, setParagraphCodes, tagParagraphs, type CodingEditResult } from '../../../server/src/core/coding/codings';
import { LineIndex } from '../../../server/src/core/text';
import { statementOf } from './statement';

const URI = 'file:///w/s.statement';
const codebook = parseCodebook('file:///w/codebook.yaml', 'codes:\n  - id: HUM\n  - id: CT\n    codable: false\n    children:\n      - id: CT.EXT\n');

const body = `Title line

1. We welcome the talks.

2. These are essential milestones for the region.

3. We condemn the attacks on aid workers.
`;

function withCodings(yaml: string): string {
  return `---\ntitle: Joint statement # keep this\n${yaml}---\n${body}`;
}

/** Applies the single-file edits of a WorkspaceEdit to `text`. */
function apply(text: string, result: CodingEditResult, uri = URI): string {
  assert.ok('edit' in result, 'error' in result ? result.error : '');
  const edits = (result.edit as WorkspaceEdit).changes![uri];
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

test('codings in front matter anchor to paragraphs and merge per paragraph', () => {
  const text = withCodings(`codings:
  - paragraph: "2"
    codes: [HUM, CT.EXT]
    quote: "These are essential milestones"
    memo: "key passage"
    coder: ana
`);
  const codings = readCodings(statementOf(text), { codebook });
  assert.deepEqual(codings.problems, []);
  assert.equal(codings.source?.kind, 'frontMatter');
  assert.deepEqual([...codings.byParagraph.values()], [{ paragraph: 1, path: '2', codes: ['HUM', 'CT.EXT'], memos: ['key passage'], coders: ['ana'], entries: [0] }]);
});

test('coding-anchor-moved when the quote now opens another paragraph, with a fix updating the path', () => {
  const text = withCodings(`codings:
  - paragraph: "1"
    codes: [HUM]
    quote: "These are essential milestones"
  - paragraph: "2"
    codes: [CT.EXT]
    quote: "We condemn the attacks"
`);
  const st = statementOf(text);
  const codings = readCodings(st, { codebook });
  assert.deepEqual(codings.entries.map((e) => [e.paragraph, e.state, e.anchor]), [['1', 'moved', 1], ['2', 'moved', 2]]);
  const first = codings.problems[0];
  assert.equal(first.code, 'coding-anchor-moved');
  assert.equal(first.message, 'The text coded at paragraph 1 “These are essential milestones” is now paragraph 2');
  assert.deepEqual(first.range, { start: { line: 3, character: 15 }, end: { line: 3, character: 18 } });
  assert.deepEqual(first.fixes!.map((f) => f.title), ['Update coding to paragraph 2', 'Update all 2 moved codings']);
  const fixed = apply(text, { edit: first.fixes![1].edit });
  assert.ok(fixed.includes('  - paragraph: "2"\n    codes: [HUM]\n    quote: "These are essential milestones"\n  - paragraph: "3"\n    codes: [CT.EXT]'));
  assert.deepEqual(readCodings(statementOf(fixed), { codebook }).problems, []);
});

test('fuzzy re-anchoring finds an edited opening and prefers the paragraph nearest the old position', () => {
  const text = `---
codings:
  - paragraph: "4"
    codes: [HUM]
    quote: "Calls upon all parties to allow access"
---
1. Calls upon all parties to allow humanitarian access.

2. Something else entirely.

3. Calls upon all parties to allow humanitarian access.
`;
  const codings = readCodings(statementOf(text));
  assert.equal(codings.entries[0].anchor, 2);
  assert.equal(codings.entries[0].state, 'moved');
  const fix = codings.problems[0].fixes![0];
  const fixed = apply(text, { edit: fix.edit });
  assert.ok(fixed.includes('  - paragraph: "3"\n    codes: [HUM]\n    quote: "Calls upon all parties to allow humanitarian access."\n'), fixed);
});

test('coding-quote-outdated when the paragraph at the path was lightly edited', () => {
  const text = withCodings(`codings:
  - paragraph: "3"
    codes: [HUM]
    quote: "We condemn the attack on aid"
`);
  const codings = readCodings(statementOf(text));
  assert.equal(codings.entries[0].state, 'edited');
  assert.equal(codings.problems[0].code, 'coding-quote-outdated');
  assert.ok(apply(text, { edit: codings.problems[0].fixes![0].edit }).includes('    quote: "We condemn the attacks on aid workers."\n'));
});

test('coding-anchor-lost and codes-for-missing-paragraph', () => {
  const text = withCodings(`codings:
  - paragraph: "2"
    codes: [HUM]
    quote: "Nothing in this statement reads like this"
  - paragraph: "9"
    codes: [HUM]
`);
  const codings = readCodings(statementOf(text));
  assert.deepEqual(codings.problems.map((p) => [p.code, p.message, p.range.start.line]), [
    ['coding-anchor-lost', 'Coding anchor lost: no paragraph starts with “Nothing in this statement reads like th…” (paragraph 2 now starts differently); its codes are not counted', 3],
    ['codes-for-missing-paragraph', 'Codes for paragraph 9, which does not exist in this statement', 6],
  ]);
  assert.equal(codings.byParagraph.size, 0);
});

test('unknown-code offers the closest id and adding it to the codebook; categories and duplicates are flagged', () => {
  const text = withCodings(`codings:
  - paragraph: "3"
    codes: [HUMM, CT, HUM, HUM]
  - paragraph: "3"
    codes: [CT.EXT, HUM]
`);
  const codings = readCodings(statementOf(text), { codebook });
  assert.deepEqual(codings.problems.map((p) => [p.code, p.message, p.range.start.line, p.range.start.character]), [
    ['unknown-code', "Unknown code 'HUMM' (did you mean 'HUM'?)", 4, 12],
    ['code-not-codable', "'CT' is a category, not a code: use one of CT.EXT", 4, 18],
    ['duplicate-code', "'HUM' is listed twice", 4, 27],
    ['duplicate-code', "'HUM' is already coded on this paragraph (line 5)", 6, 20],
  ]);
  const unknown = codings.problems[0];
  assert.equal(unknown.severity, 1);
  assert.deepEqual(unknown.fixes!.map((f) => f.title), ["Change to 'HUM'", "Add 'HUMM' to the codebook"]);
  assert.deepEqual(unknown.fixes![1].edit.changes!['file:///w/codebook.yaml'], [
    { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '  - id: HUMM\n    label: HUMM\n' },
  ]);
  assert.ok(apply(text, { edit: codings.problems[2].fixes![0].edit }).includes('    codes: [HUMM, CT, HUM]\n  - paragraph'));
});

test('malformed codings are reported at their line, never thrown', () => {
  const text = withCodings(`codings:
  - paragraf: "1"
    codes: HUM
  - just text
`);
  const codings = readCodings(statementOf(text));
  assert.deepEqual(codings.problems.map((p) => [p.code, p.message, p.range.start.line]), [
    ['codings-unknown-key', "Unknown key 'paragraf' in a coding (did you mean 'paragraph'?)", 3],
    ['codings-invalid', '`codes` must be a list like [HUM, CT.EXT]', 4],
    ['codings-invalid', 'This coding has no `paragraph`', 3],
    ['codings-invalid', 'A coding must be a mapping with `paragraph` and `codes`', 5],
  ]);
});

test('tagParagraphs edits front matter in place, keeping comments, order and document order of entries', () => {
  const text = withCodings(`codings:
  # the milestones paragraph
  - paragraph: "2"
    codes: [HUM] # first pass
    quote: "These are essential milestones"
`);
  const st = statementOf(text);
  const ctx = { statement: st, codings: readCodings(st, { codebook }), storage: 'frontMatter' as const };
  assert.equal(apply(text, tagParagraphs(ctx, ['3', '1', '2'], ['CT.EXT'])), withCodings(`codings:
  - paragraph: "1"
    codes: [CT.EXT]
    quote: "We welcome the talks."
  # the milestones paragraph
  - paragraph: "2"
    codes: [HUM, CT.EXT] # first pass
    quote: "These are essential milestones"
  - paragraph: "3"
    codes: [CT.EXT]
    quote: "We condemn the attacks on aid workers."
`));
});

test('removeCode drops emptied entries; setMemo adds, replaces and removes memos', () => {
  const text = withCodings(`codings:
  - paragraph: "2"
    codes: [HUM, CT.EXT]
    quote: "These are essential milestones"
  - paragraph: "3"
    codes: [HUM]
`);
  const st = statementOf(text);
  const ctx = { statement: st, codings: readCodings(st), storage: 'frontMatter' as const };
  assert.equal(apply(text, removeCode(ctx, ['2', '3'], 'HUM')), withCodings(`codings:
  - paragraph: "2"
    codes: [CT.EXT]
    quote: "These are essential milestones"
`));
  assert.equal(apply(text, setMemo(ctx, '3', 'Names the victims\nand the place')), withCodings(`codings:
  - paragraph: "2"
    codes: [HUM, CT.EXT]
    quote: "These are essential milestones"
  - paragraph: "3"
    codes: [HUM]
    memo: |-
      Names the victims
      and the place
`));
  assert.equal(apply(text, setMemo(ctx, '1', 'Opening')), withCodings(`codings:
  - paragraph: "1"
    codes: []
    quote: "We welcome the talks."
    memo: "Opening"
  - paragraph: "2"
    codes: [HUM, CT.EXT]
    quote: "These are essential milestones"
  - paragraph: "3"
    codes: [HUM]
`));
  assert.deepEqual(setParagraphCodes(ctx, ['7'], ['HUM'], []), { error: 'No paragraph 7 in this statement' });
});

test('tagging creates front matter, or a sidecar file, when there are no codings yet', () => {
  const st = statementOf('1. Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\n');
  const fm = tagParagraphs({ statement: st, codings: readCodings(st), storage: 'frontMatter' }, ['1'], ['HUM']);
  assert.equal(apply(st.text, fm), '---\ncodings:\n  - paragraph: "1"\n    codes: [HUM]\n    quote: "Alpha beta gamma delta epsilon"\n---\n1. Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\n');
  const side = tagParagraphs({ statement: st, codings: readCodings(st), storage: 'sidecar' }, ['1'], ['HUM']);
  assert.deepEqual(side, {
    edit: {
      documentChanges: [
        { kind: 'create', uri: URI + '.codes.yaml', options: { ignoreIfExists: true } },
        {
          textDocument: { uri: URI + '.codes.yaml', version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'codings:\n  - paragraph: "1"\n    codes: [HUM]\n    quote: "Alpha beta gamma delta epsilon"\n' }],
        },
      ],
    },
  });
});

test('sidecar codings are read, edited in place (CRLF kept) and renamed at exact ranges', () => {
  const st = statementOf(body);
  const sidecar = { uri: URI + '.codes.yaml', text: '# coder: ana\r\ncodings:\r\n  - paragraph: "1"\r\n    codes: [HUM]\r\n' };
  const codings = readCodings(st, { sidecar, storage: 'sidecar' });
  assert.equal(codings.source?.kind, 'sidecar');
  assert.deepEqual(codings.byParagraph.get(0)?.codes, ['HUM']);
  const out = apply(sidecar.text, tagParagraphs({ statement: st, codings, storage: 'sidecar' }, ['1'], ['CT.EXT']), sidecar.uri);
  assert.equal(out, '# coder: ana\r\ncodings:\r\n  - paragraph: "1"\r\n    codes: [HUM, CT.EXT]\r\n');
  assert.deepEqual(renameCodeEdits(codings, 'HUM', 'HUM.AID'), [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } }, newText: 'HUM.AID' }]);
});

test('codings in both places: the configured one wins and the other is reported', () => {
  const text = withCodings('codings:\n  - paragraph: "1"\n    codes: [HUM]\n');
  const codings = readCodings(statementOf(text), { sidecar: { uri: URI + '.codes.yaml', text: 'codings: []\n' }, storage: 'frontMatter' });
  assert.equal(codings.source?.kind, 'frontMatter');
  assert.deepEqual(codings.problems.map((p) => [p.code, p.message]), [
    ['codings-in-two-places', "Codings also exist in the sidecar file s.statement.codes.yaml; they are ignored (setting policyAnnotator.codingStorage is 'frontMatter')"],
  ]);
});

test('edits refuse to touch codings with YAML errors or malformed front matter', () => {
  const st = statementOf(body);
  const sidecar = { uri: URI + '.codes.yaml', text: 'codings:\n  - paragraph: "1"\n    codes: [HUM\n' };
  const codings = readCodings(st, { sidecar });
  assert.deepEqual(codings.problems.map((p) => [p.code, p.range.start.line]), [['codings-invalid', 3]]);
  assert.deepEqual(tagParagraphs({ statement: st, codings, storage: 'sidecar' }, ['1'], ['CT']), { error: `The codings in ${URI}.codes.yaml have YAML errors; fix them first` });
  const broken = statementOf('---\ntitle: [unclosed\n---\n1. Text here.\n');
  assert.deepEqual(tagParagraphs({ statement: broken, codings: readCodings(broken), storage: 'frontMatter' }, ['1'], ['CT']), { error: 'The front matter is not valid YAML; fix it before adding codings' });
});

test('tagging into an empty front matter keeps the closing fence on its own line', () => {
  const st = statementOf('---\n---\n1. One two three four.\n');
  const out = apply(st.text, tagParagraphs({ statement: st, codings: readCodings(st), storage: 'frontMatter' }, ['1'], ['HUM']));
  assert.equal(out, '---\ncodings:\n  - paragraph: "1"\n    codes: [HUM]\n    quote: "One two three four."\n---\n1. One two three four.\n');
});
