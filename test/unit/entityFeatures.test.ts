import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { parseDocument } from 'yaml';
import { analyzeDocument, problemsOf, type DocumentAnalysis } from '../../server/src/core/analysis';
import { buildEntityIndex } from '../../server/src/core/entities/workspaceEntities';
import { planAddEntity, unknownNameActions } from '../../server/src/features/entityCatalogActions';
import { entityHover } from '../../server/src/features/entityHover';
import { entityDefinition, entityHighlights, entityReferences, entityWorkspaceSymbols } from '../../server/src/features/entityNavigation';
import { entitySemanticTokens, entityTokensLegend } from '../../server/src/features/entitySemanticTokens';
import { entityTree, exportEntities } from '../../server/src/features/entityTree';
import { hover } from '../../server/src/features/hover';

const T = CancellationToken.None;
const CATALOG_URI = 'file:///ws/ours.entities.yaml';
const CATALOG = [
  'entities:',
  '  - id: ffes',
  '    type: organization',
  '    name: Funding Facility for Expanded Stabilization',
  '    acronyms: [FFES]',
  '    parent: undp',
  '    links: [https://www.undp.org/iraq]',
].join('\n');
const { index } = buildEntityIndex([{ uri: CATALOG_URI, text: CATALOG }], 'file:///ext/server/data');
const context = { index };

const A = [
  'Statement on Iraq',
  '',
  '  1. We support Iraq, the FFES and the Funding Facility for Expanded Stabilization in Mosul.',
  '  2. Iraqi forces and the Syria Recovery',
  'Trust Fund; Staffan de Mistura met Jane Roe in Mosul.',
].join('\n');
const B = 'Aid to Iraq and Mosul.\n';
const docA = analyzeDocument('file:///ws/a.statement', 1, A, { entities: context });
const docB = analyzeDocument('file:///ws/b.statement', 1, B, { entities: context });
const workspace = () => [docA, docB];

function at(doc: DocumentAnalysis, needle: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = doc.statement.text.indexOf(needle, offset + 1);
  return doc.statement.lines.positionAt(offset + 1);
}

test('DocumentAnalysis carries entities and their problems', () => {
  assert.deepEqual(docA.entities.mentions.map((m) => m.id), ['IRQ', 'IRQ', 'ffes', 'ffes', 'mosul', 'IRQ', 'srtf', 'staffan-de-mistura', 'mosul']);
  assert.deepEqual(docA.entities.unknown.map((u) => u.text), ['Jane Roe']);
  assert.deepEqual(problemsOf(analyzeDocument('file:///x', 1, 'Thanks to Steffan de Mistura.')).map((p) => p.code), ['entity-spelling']);
  const hinted = analyzeDocument('file:///x', 1, 'We met Jane Roe.', { entities: { index, unknownNamesAsHints: true } });
  assert.deepEqual(problemsOf(hinted).map((p) => [p.code, p.message]), [['entity-unknown', "'Jane Roe' is not in any entity catalog"]]);
});

test('hover shows the card with names, parent, links and mentions in file and workspace', () => {
  const card = entityHover(docA, at(docA, 'Mosul'), T, workspace)!;
  assert.deepEqual(card.range, { start: { line: 2, character: 86 }, end: { line: 2, character: 91 } });
  assert.equal((card.contents as { value: string }).value, [
    '**Mosul** · location · city',
    '',
    '- Arabic: الموصل',
    '- Part of: Iraq',
    '',
    'Mentioned 2 times in this file · 3 times in 2 files of the workspace',
  ].join('\n'));
  const ffes = (entityHover(docA, at(docA, 'FFES'), T)!.contents as { value: string }).value;
  assert.equal(ffes, [
    '**Funding Facility for Expanded Stabilization** · organization',
    '',
    '- Acronyms: FFES',
    '- Part of: United Nations Development Programme › General Assembly › United Nations',
    '',
    '[www\\.undp\\.org](<https://www.undp.org/iraq>)',
    '',
    'Mentioned 2 times in this file',
    '',
    '_Named here by its acronym: FFES_',
  ].join('\n'));
  const envoy = (hover(docA, at(docA, 'Staffan'), T, workspace)!.contents as { value: string }).value;
  assert.match(envoy, /^- Special Envoy of the Secretary\\-General for Syria \(United Nations\), 2014-07-10 – 2019-01-06$/m);
  assert.equal(entityHover(docA, at(docA, 'support'), T), null);
});

test('the paragraph card lists the entities of the paragraph', () => {
  const card = (hover(docA, { line: 2, character: 2 }, T)!.contents as { value: string }).value;
  assert.ok(card.endsWith('\n\nEntities: Funding Facility for Expanded Stabilization ×2, Iraq, Mosul'), card);
});

test('definition goes to the catalog entry; references and highlights find every mention under any name', () => {
  assert.deepEqual(entityDefinition(docA, at(docA, 'FFES'), T), [{ uri: CATALOG_URI, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } }]);
  const mosul = entityDefinition(docA, at(docA, 'Mosul'), T)![0];
  assert.equal(mosul.uri, 'file:///ext/server/data/gazetteer.entities.yaml');
  const iraq = entityDefinition(docA, at(docA, 'Iraq', 1), T)![0];
  assert.equal(iraq.uri, 'file:///ext/server/data/gazetteer.json');
  const refs = entityReferences(docA, at(docA, 'Iraqi'), false, workspace, T)!;
  assert.deepEqual(refs.map((r) => [r.uri.slice(-11), r.range.start.line, r.range.start.character]), [
    ['a.statement', 0, 13], ['a.statement', 2, 16], ['a.statement', 3, 5], ['b.statement', 0, 7],
  ]);
  assert.equal(entityReferences(docA, at(docA, 'Iraqi'), true, workspace, T)!.length, 5);
  assert.deepEqual(entityHighlights(docA, at(docA, 'FFES'), T)!.map((h) => h.range.start), [{ line: 2, character: 26 }, { line: 2, character: 39 }]);
});

test('workspace symbols: mentioned entities, or catalog names matching the query', () => {
  const all = entityWorkspaceSymbols(index, '', workspace, T).map((s) => s.name);
  assert.deepEqual(all, ['Iraq', 'Funding Facility for Expanded Stabilization', 'Mosul', 'Syria Recovery Trust Fund', 'Staffan de Mistura']);
  const found = entityWorkspaceSymbols(index, 'mistura', workspace, T);
  assert.deepEqual(found.map((s) => [s.name, s.containerName]), [['Staffan de Mistura', 'person']]);
  assert.deepEqual(entityWorkspaceSymbols(index, 'expanded stab', workspace, T)[0].location.uri, CATALOG_URI);
});

test('semantic tokens: one per mention and line, typed by entity type, states marked', () => {
  assert.deepEqual(entityTokensLegend.tokenTypes, ['entityPerson', 'entityOrganization', 'entityLocation', 'entityEvent', 'entityDocument', 'entityRole', 'entityConcept']);
  const { data } = entitySemanticTokens(docA, T);
  const tokens: number[][] = [];
  for (let i = 0; i < data.length; i += 5) tokens.push(data.slice(i, i + 5));
  assert.deepEqual(tokens, [
    [0, 13, 4, 2, 1], // Iraq: location, state
    [2, 16, 4, 2, 1],
    [0, 10, 4, 1, 2], // FFES: organization, acronym
    [0, 13, 43, 1, 0],
    [0, 47, 5, 2, 0], // Mosul
    [1, 5, 5, 2, 1 | 4], // Iraqi: state, demonym
    [0, 21, 14, 1, 0], // "Syria Recovery" …
    [1, 0, 10, 1, 0], // … "Trust Fund" on the next line
    [0, 12, 18, 0, 0], // Staffan de Mistura: person
    [0, 35, 5, 2, 0],
  ]);
});

test('tree view data and export entries', () => {
  const groups = entityTree(docA, T);
  assert.deepEqual(groups.map((g) => [g.type, g.count, g.entities.map((e) => `${e.name} ${e.count}`)]), [
    ['person', 1, ['Staffan de Mistura 1']],
    ['organization', 3, ['Funding Facility for Expanded Stabilization 2', 'Syria Recovery Trust Fund 1']],
    ['location', 5, ['Iraq 3', 'Mosul 2']],
  ]);
  assert.deepEqual(groups[1].entities[1].mentions, [{ range: { start: { line: 3, character: 26 }, end: { line: 4, character: 10 } }, text: 'Syria Recovery Trust Fund' }]);
  assert.deepEqual(exportEntities(docB), [
    { text: 'Iraq', range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, id: 'IRQ', type: 'location', name: 'Iraq', mention: 'name' },
    { text: 'Mosul', range: { start: { line: 0, character: 16 }, end: { line: 0, character: 21 } }, id: 'mosul', type: 'location', name: 'Mosul', mention: 'name' },
  ]);
});

test('"Add to workspace catalog as…" is offered on unknown names and edits the first catalog, or creates one', () => {
  const actions = unknownNameActions(docA, { start: { line: 4, character: 40 }, end: { line: 4, character: 40 } }, T);
  assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [
    ["Add 'Jane Roe' to workspace catalog as…", 'policyAnnotator.addEntityToCatalog', [{ documentUri: 'file:///ws/a.statement', name: 'Jane Roe' }]],
  ]);
  assert.deepEqual(unknownNameActions(docA, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, T), []);

  const config = { uri: 'file:///ws/.policy-annotator.yaml', text: '# project\ncatalogs: [ours.entities.yaml]\n' };
  const plan = planAddEntity({ folderUri: 'file:///ws', config, catalogs: [{ uri: CATALOG_URI, text: CATALOG }], index }, 'Jane Roe', 'person');
  assert.ok('edit' in plan);
  assert.equal(plan.catalogUri, CATALOG_URI);
  const [change] = plan.edit.changes![CATALOG_URI];
  assert.equal(change.newText, '\n  - id: jane-roe\n    type: person\n    name: Jane Roe\n');

  const fresh = planAddEntity({ folderUri: 'file:///ws/', config: { uri: config.uri, text: '# project settings\n' }, catalogs: [], index }, 'Jane Roe', 'person');
  assert.ok('edit' in fresh);
  assert.equal(fresh.catalogUri, 'file:///ws/policy-annotator.entities.yaml');
  const changes = fresh.edit.documentChanges as Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: Array<{ newText: string }> }>;
  assert.deepEqual(changes.map((c) => c.kind ?? c.textDocument!.uri), ['create', 'file:///ws/policy-annotator.entities.yaml', 'file:///ws/.policy-annotator.yaml']);
  assert.deepEqual(parseDocument(changes[1].edits![0].newText).toJS(), { entities: [{ id: 'jane-roe', type: 'person', name: 'Jane Roe' }] });
  assert.equal(changes[2].edits![0].newText, 'catalogs:\n  - policy-annotator.entities.yaml\n');
  assert.deepEqual(planAddEntity({ folderUri: 'file:///ws', config, catalogs: [{ uri: CATALOG_URI, text: 'entities: [' }], index }, 'X Y', 'person'),
    { error: `${CATALOG_URI} has YAML errors or an 'entities' key that is not a list; fix it first` });
});

test('references to UN documents are never unknown names', () => {
  const doc = analyzeDocument('file:///r', 1, 'We recall UNSCR 2254 and Security Council Resolution 2258 with Jane Roe.\n');
  assert.equal(doc.references.items.length, 2);
  assert.deepEqual(doc.entities.unknown.map((u) => u.text), ['Jane Roe']);
});
