import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodingWorkspace } from '../../../server/src/core/coding/codingWorkspace';
import { MemoryFileSystem } from '../../../server/src/core/memoryFileSystem';
import { WorkspaceIndex } from '../../../server/src/core/workspaceIndex';
import { defaultSettings } from '../../../server/src/core/settings';

const root = 'mem:///ws';
const settings = { codebook: '', codingStorage: 'frontMatter' as const };

function files(entries: Record<string, string>): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  for (const [name, text] of Object.entries(entries)) fs.write(`${root}/${name}`, text);
  return fs;
}

test('the codebook comes from .policy-annotator.yaml, else the setting; paths leaving the workspace are refused', async () => {
  const fs = files({ '.policy-annotator.yaml': 'codebook: books/main.yaml\n', 'books/main.yaml': 'codes:\n  - id: A\n', 'other.yaml': 'codes:\n  - id: B\n' });
  const coding = new CodingWorkspace(fs);
  assert.equal(await coding.configure([root], { ...settings, codebook: 'other.yaml' }), true);
  assert.deepEqual([...coding.codebook!.codes.keys()], ['A']);
  assert.equal(coding.codebook!.uri, `${root}/books/main.yaml`);
  fs.delete(`${root}/.policy-annotator.yaml`);
  await coding.configure([root], { ...settings, codebook: 'other.yaml' });
  assert.deepEqual([...coding.codebook!.codes.keys()], ['B']);
  await coding.configure([root], { ...settings, codebook: '../outside.yaml' });
  assert.equal(coding.codebook, null);
  assert.equal(coding.codebookStatus(), "The codebook path '../outside.yaml' (policyAnnotator.codebook) must be relative and inside the workspace folder");
  await coding.configure([root], settings);
  assert.equal(coding.codebookStatus(), 'No codebook: set `codebook:` in .policy-annotator.yaml or the setting policyAnnotator.codebook');
});

test('sidecars feed the index; open texts win; changes name the statements to analyse again', async () => {
  const fs = files({ 'a.statement': 'A\n\n1. First.\n2. Second.\n', 'a.statement.codes.yaml': 'codings:\n  - paragraph: "1"\n    codes: [X]\n', 'codebook.yaml': 'codes:\n  - id: X\n  - id: Y\n' });
  const coding = new CodingWorkspace(fs);
  await coding.configure([root], { ...settings, codebook: 'codebook.yaml' });
  const index = new WorkspaceIndex(fs);
  index.configure({ folders: [root], settings: defaultSettings, coding });
  await index.rebuild();
  const a = `${root}/a.statement`;
  assert.deepEqual(index.analysisOf(a)!.codings.byParagraph.get(0)?.codes, ['X']);

  const sidecar = `${root}/a.statement.codes.yaml`;
  assert.equal(coding.isCodingFile(sidecar), true);
  assert.equal(coding.isCodingFile(a), false);
  const affected = await coding.setOpenText(sidecar, 'codings:\n  - paragraph: "2"\n    codes: [Y]\n');
  assert.deepEqual(affected, { uris: [a] });
  await index.reanalyze([a]);
  assert.deepEqual([...index.analysisOf(a)!.codings.byParagraph.values()].map((p) => [p.path, p.codes]), [['2', ['Y']]]);

  fs.write(`${root}/codebook.yaml`, 'codes:\n  - id: Z\n');
  assert.equal(await coding.fileChanged(`${root}/codebook.yaml`), 'all');
  index.invalidateAnalyses();
  await index.rebuild();
  assert.deepEqual(index.analysisOf(a)!.codings.problems.map((p) => p.message), ["Unknown code 'Y'"]);
});
