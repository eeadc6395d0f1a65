import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeEntities, type EntityAnalysis } from '../../server/src/core/entities/analyzeEntities';
import { blockStarts } from '../../server/src/core/entities/entityBlocks';
import { EntityIndex } from '../../server/src/core/entities/entityIndex';
import { bundledEntities } from '../../server/src/core/entities/gazetteer';
import { LineIndex } from '../../server/src/core/text';

const index = new EntityIndex(bundledEntities());
const EDITED = 'file:///ws/edited.statement';

function analyze(uri: string, text: string): EntityAnalysis {
  return analyzeEntities({ uri, text, lines: new LineIndex(text), from: text.indexOf('1.') }, index, { unknownAsHints: true });
}

/** Everything the features see, with the document URI written out of the fixes. */
function findings(uri: string, result: EntityAnalysis): string {
  return JSON.stringify({ mentions: result.mentions, spelling: result.spelling, unknown: result.unknown, problems: result.problems }).replaceAll(uri, 'URI');
}

const original = [
  'Front matter line',
  '',
  '1. The Security Council welcomes the deployment of the ISF in Baghdad, and thanks Staffan de Mistrua.',
  '',
  '2. Calls upon the Member States to support the Northern Relief Coalition and Jordan',
  '',
  'Smith in the Sahel region.',
  '',
  '3. Further welcomes the work of the ISF and of the Northern Relief Coalition in Mosul.',
  '',
  '    (a) Requests the Secretary-General to report on the Iraqi Security Forces;',
  '',
].join('\r\n');

const edits: Array<(text: string) => string> = [
  // A one-key edit in the middle of a paragraph.
  (t) => t.replace('Baghdad', 'Baghdadx'),
  // A definition of ISF for something else: every ISF in the file is then local, before it too.
  (t) => t.replace('support the', 'support the International Stabilization Force (ISF) and the'),
  // A new line in the first paragraph shifts the lines of every later block.
  (t) => t.replace('Council welcomes', 'Council\r\nwelcomes'),
  // The word after a paragraph decides whether the paragraph's last word is an ambiguous name.
  (t) => t.replace('\r\nSmith in the', '\r\nin the'),
  (t) => t.replace('\r\nin the', '\r\nSmith in the'),
  // Joining two paragraphs: "Jordan Smith" becomes a person's name, not the state.
  (t) => t.replace('Jordan\r\n\r\nSmith', 'Jordan Smith'),
  // The definition goes again.
  (t) => t.replace(' International Stabilization Force (ISF) and the', ''),
  // A paragraph duplicated at another place, then an edit at the very end.
  (t) => `${t}\r\n3. Further welcomes the work of the ISF and of the Northern Relief Coalition in Mosul.\r\n`,
  (t) => `${t}Yemen`,
];

test('a re-analysis after each edit equals a fresh analysis: mentions, spelling, unknown names and problems', () => {
  let text = original;
  let previous = analyze(EDITED, text);
  assert.equal(findings(EDITED, previous), findings('file:///ws/fresh-0.statement', analyze('file:///ws/fresh-0.statement', text)));
  edits.forEach((edit, i) => {
    text = edit(text);
    const cached = analyze(EDITED, text);
    const fresh = analyze(`file:///ws/fresh-${i + 1}.statement`, text);
    assert.equal(findings(EDITED, cached), findings(`file:///ws/fresh-${i + 1}.statement`, fresh), `after edit ${i + 1}`);
    previous = cached;
  });
  assert.ok(previous.mentions.some((m) => m.text === 'Yemen'));
});

test('the acronym defined in one paragraph makes the catalog acronym local in the others, and only while defined', () => {
  const ids = (r: EntityAnalysis) => r.mentions.filter((m) => m.text === 'ISF').length;
  assert.equal(ids(analyze(EDITED, original)), 2);
  const defined = original.replace('support the', 'support the International Stabilization Force (ISF) and the');
  assert.equal(ids(analyze(EDITED, defined)), 0);
  assert.equal(ids(analyze(EDITED, original)), 2);
});

test('an edit re-analyses only its block: the mentions of the blocks before it are reused as they are', () => {
  const before = analyze(EDITED, original);
  const after = analyze(EDITED, original.replace('in Mosul', 'in Mosulx'));
  const council = (r: EntityAnalysis) => r.mentions.find((m) => m.text === 'Security Council');
  assert.ok(council(before));
  assert.equal(council(after), council(before));
  const forces = (r: EntityAnalysis) => r.mentions.find((m) => m.text === 'Iraqi Security Forces');
  assert.notEqual(forces(after), undefined);
  assert.equal(forces(after)!.start, forces(before)!.start + 1);
});

test('blocks start after a blank line at a line opening with a word, or at a paragraph marker after a sentence end', () => {
  const starts = (text: string) => blockStarts(text, 0, text.length).map((s) => text.slice(s, s + 4));
  assert.deepEqual(starts('One.\n\nTwo\nthree.\n\n  \u201dQuoted.\n\n   (a) Four.\n\r\n\r\nFive.'), ['One.', 'Two\n', '   (', 'Five']);
  assert.deepEqual(starts('1. Urges;\n    (a) the;\n        (ii) St.\nKitts,\n2. Calls.\r3) Asks:\r\n(b) x'), ['1. U', '    ', '    ', '3) A', '(b) ']);
  assert.deepEqual(starts('A.\r\nB.\rC.\r\rD.'), ['A.\r\n', 'D.']);
});

test('an ambiguous name that ends a paragraph is read with the next paragraph\'s first word, also when only that one changed', () => {
  const jordan = (r: EntityAnalysis) => r.mentions.filter((m) => m.text === 'Jordan').length;
  assert.equal(jordan(analyze(EDITED, original)), 0);
  assert.equal(jordan(analyze(EDITED, original.replace('\r\nSmith in the', '\r\nin the'))), 1);
  assert.equal(jordan(analyze(EDITED, original)), 0);
});
