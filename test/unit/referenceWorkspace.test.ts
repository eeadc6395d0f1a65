import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyzeDocument } from '../../server/src/core/analysis';
import { MemoryFileSystem } from '../../server/src/core/memoryFileSystem';
import { ReferenceWorkspace } from '../../server/src/core/references/referenceWorkspace';

const folder = 'mem:///w';

async function setUp(files: Record<string, string>, settings = {}) {
  const fs = new MemoryFileSystem();
  for (const [name, text] of Object.entries(files)) fs.write(`${folder}/${name}`, text);
  const refs = new ReferenceWorkspace(fs);
  await refs.configure({ folders: [folder], settings });
  return { fs, refs };
}

test('catalog sources: project config, then the setting; severity from the setting; bad paths reported', async () => {
  const { refs } = await setUp(
    {
      '.policy-annotator.yaml': 'catalogs:\n  - a.catalog.yaml\n  - ../outside.yaml\n',
      'a.catalog.yaml': 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    title: From a\n',
      'b.catalog.yaml': 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    notes: From b\n',
    },
    { catalogs: ['b.catalog.yaml'], uncataloguedSeverity: 'warning' },
  );
  assert.deepEqual(refs.store.sources, [`${folder}/a.catalog.yaml`, `${folder}/b.catalog.yaml`]);
  assert.deepEqual([refs.store.lookup('S/RES/2300')?.title, refs.store.lookup('S/RES/2300')?.notes], ['From a', 'From b']);
  assert.equal(refs.context.uncataloguedSeverity, DiagnosticSeverity.Warning);
  assert.deepEqual(refs.configErrors, ['.policy-annotator.yaml catalogs: "../outside.yaml" is outside the workspace folder; only relative paths inside it are read.']);
  assert.deepEqual(refs.context.catalogTarget, { uri: `${folder}/b.catalog.yaml`, text: 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    notes: From b\n' });
});

test('a catalog changed on disk is re-read; a broken one keeps its last good version and reports problems', async () => {
  const { fs, refs } = await setUp({
    '.policy-annotator.yaml': 'catalogs: [ours.yaml]\n',
    'ours.yaml': 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    title: First\n',
  });
  assert.equal(refs.isReferenceFile(`${folder}/ours.yaml`), true);
  assert.equal(refs.isReferenceFile(`${folder}/other.yaml`), false);
  fs.write(`${folder}/ours.yaml`, 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    title: Second\n');
  assert.equal(await refs.fileChanged(`${folder}/ours.yaml`), true);
  assert.equal(refs.store.lookup('S/RES/2300')?.title, 'Second');
  fs.write(`${folder}/ours.yaml`, 'version: 1\nentries:\n  - symbol: S/RES/2300 (2016)\n    date: 2016/01/01\n');
  await refs.fileChanged(`${folder}/ours.yaml`);
  assert.equal(refs.store.lookup('S/RES/2300')?.title, 'Second');
  assert.deepEqual(refs.catalogProblems(`${folder}/ours.yaml`).map((p) => [p.code, p.range.start.line]), [['catalog-invalid', 3]]);
  assert.equal(await refs.fileChanged(`${folder}/unrelated.statement`), false);
});

test('without catalogs, the fix target is a new catalog listed in the project config', async () => {
  const { refs } = await setUp({ '.policy-annotator.yaml': '# project\n' });
  assert.deepEqual(refs.context.catalogTarget, {
    uri: `${folder}/catalogs/workspace.catalog.yaml`,
    text: null,
    register: { configUri: `${folder}/.policy-annotator.yaml`, configText: '# project\n', path: 'catalogs/workspace.catalog.yaml' },
  });
});

test('sync keeps the citation index in step with the analyses, and skips when the stamp is unchanged', async () => {
  const { refs } = await setUp({});
  const a = analyzeDocument(`${folder}/a.statement`, 1, 'A\n\n1. UNSCR 2254 and paragraph 3 of resolution 2178 (2014).\n', { references: refs.context });
  const text = analyzeDocument(`${folder}/r.statement`, 1, '---\nsymbol: S/RES/2178 (2014)\n---\nR\n\n1. One.\n2. Two.\n', { references: refs.context });
  refs.sync(() => [{ uri: a.statement.uri, analysis: a }, { uri: text.statement.uri, analysis: text }], 1);
  assert.deepEqual(refs.index.counts('S/RES/2254 (2015)'), { citations: 1, files: 1 });
  assert.deepEqual(refs.pinpointProblems(a).map((p) => p.message), ['Security Council resolution 2178 in the workspace has no paragraph 3.']);
  refs.sync(() => [], 1);
  assert.deepEqual(refs.index.counts('S/RES/2254 (2015)'), { citations: 1, files: 1 }, 'same stamp: nothing to do');
  refs.sync(() => [], 2);
  assert.deepEqual(refs.index.counts('S/RES/2254 (2015)'), { citations: 0, files: 0 });
});
