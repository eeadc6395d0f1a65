import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryFileSystem } from '../../server/src/core/memoryFileSystem';
import { PathFilter } from '../../server/src/core/pathFilter';
import { readSettings, readFilesExclude, defaultSettings } from '../../server/src/core/settings';
import { decodeSource, readSourceFile } from '../../server/src/core/sourceFile';
import { relativePath, uriKey } from '../../server/src/core/uris';
import { WorkspaceIndex } from '../../server/src/core/workspaceIndex';

const root = 'mem:///ws';
const statement = (word: string) => `Title ${word}\n\n1. ${word} first.\n2. ${word} second.\n`;

function workspace(files: Record<string, string | Uint8Array>): { fs: MemoryFileSystem; index: WorkspaceIndex } {
  const fs = new MemoryFileSystem();
  for (const [name, content] of Object.entries(files)) fs.write(`${root}/${name}`, content);
  const index = new WorkspaceIndex(fs);
  index.configure({ folders: [root] });
  return { fs, index };
}

function indexed(index: WorkspaceIndex): string[] {
  return [...index.files()].map((f) => `${relativePath(root, f.uri)}${f.open ? ' (open)' : ''}: ${f.analysis?.statement.title?.text ?? f.problem?.code}`).sort();
}

test('the index finds *.statement and *.stmt files at any depth, plus `files` globs', async () => {
  const { index } = workspace({
    'a.statement': statement('alpha'),
    'deep/er/b.stmt': statement('beta'),
    'c.txt': statement('gamma'),
    'deep/d.txt': statement('delta'),
    'readme.md': '# not a statement',
  });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['a.statement: Title alpha', 'deep/er/b.stmt: Title beta']);
  index.configure({ settings: { ...defaultSettings, files: ['**/*.txt'] } });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['a.statement: Title alpha', 'c.txt: Title gamma', 'deep/d.txt: Title delta', 'deep/er/b.stmt: Title beta']);
  // As in files.exclude, a glob without ** matches at the top of the folder only.
  index.configure({ settings: { ...defaultSettings, files: ['*.txt'] } });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['a.statement: Title alpha', 'c.txt: Title gamma', 'deep/er/b.stmt: Title beta']);
});

test('files.exclude and nested .gitignore files (negation, dir-only rules, anchoring) are honoured', async () => {
  const { index } = workspace({
    '.gitignore': 'build/\n*.draft.stmt\n/top-only.stmt\n',
    'build/x.stmt': statement('built'),
    'keep.stmt': statement('keep'),
    'a.draft.stmt': statement('draft'),
    'top-only.stmt': statement('top'),
    'sub/top-only.stmt': statement('subtop'),
    'sub/.gitignore': '!b.draft.stmt\n',
    'sub/b.draft.stmt': statement('redrafted'),
    'archive/old.stmt': statement('old'),
    '.git/c.stmt': statement('git'),
  });
  index.configure({ filesExclude: readFilesExclude({ exclude: { '**/archive': true, '**/off': false } }) });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['keep.stmt: Title keep', 'sub/b.draft.stmt: Title redrafted', 'sub/top-only.stmt: Title subtop']);
  assert.equal(index.isStatementFile(`${root}/build/new.stmt`), false);
  assert.equal(index.isStatementFile(`${root}/archive/new.stmt`), false);
  assert.equal(index.isStatementFile(`${root}/sub/c.draft.stmt`), false);
  assert.equal(index.isStatementFile(`${root}/sub/b.draft.stmt`), true);
  assert.equal(index.isStatementFile(`${root}/new.stmt`), true);
  assert.equal(index.isStatementFile('mem:///elsewhere/new.stmt'), false);
});

test('open documents win over disk and are analysed once per version', async () => {
  const { index } = workspace({ 'a.statement': statement('disk') });
  await index.rebuild();
  const uri = `${root}/a.statement`;
  index.setOpenDocument(uri, 1, statement('editor'));
  const first = index.analysisOf(uri);
  assert.equal(first?.statement.title?.text, 'Title editor');
  assert.equal(index.analysisOf(uri), first, 'same version: cached');
  assert.deepEqual(indexed(index), ['a.statement (open): Title editor']);
  index.setOpenDocument(uri, 2, statement('edited'));
  assert.notEqual(index.analysisOf(uri), first);
  assert.equal(index.analysisOf(uri)?.statement.version, 2);
  index.closeDocument(uri);
  assert.deepEqual(indexed(index), ['a.statement: Title disk']);
});

test('file events update single files; a rebuild re-reads only changed files', async () => {
  const { fs, index } = workspace({ 'a.statement': statement('one'), 'dir/b.stmt': statement('two') });
  await index.rebuild();
  const before = index.analysisOf(`${root}/a.statement`);
  fs.write(`${root}/dir/b.stmt`, statement('changed'));
  await index.fileChanged(`${root}/dir/b.stmt`);
  fs.write(`${root}/dir/c.stmt`, statement('created'));
  await index.fileChanged(`${root}/dir/c.stmt`);
  await index.fileChanged(`${root}/notes.md`);
  assert.deepEqual(indexed(index), ['a.statement: Title one', 'dir/b.stmt: Title changed', 'dir/c.stmt: Title created']);
  await index.rebuild();
  assert.equal(index.analysisOf(`${root}/a.statement`), before, 'unchanged file not re-analysed');
  fs.delete(`${root}/dir`);
  index.fileDeleted(`${root}/dir`);
  assert.deepEqual(indexed(index), ['a.statement: Title one']);
});

test('reading is bounded: too large files are not read, non-UTF-8 gets one problem', async () => {
  const { index } = workspace({
    'big.stmt': statement('big') + 'x'.repeat(100),
    'latin1.stmt': new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0xe9, 0x0a]),
    'ok.stmt': statement('ok'),
  });
  index.configure({ settings: { ...defaultSettings, maxFileSize: 100 } });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['big.stmt: file-too-large', 'latin1.stmt: file-not-utf8', 'ok.stmt: Title ok']);
  // A larger limit reads the file again although it did not change.
  index.configure({ settings: { ...defaultSettings, maxFileSize: 1000 } });
  await index.rebuild();
  assert.deepEqual(indexed(index), ['big.stmt: Title big', 'latin1.stmt: file-not-utf8', 'ok.stmt: Title ok']);
});

test('readSourceFile and decodeSource', async () => {
  const fs = new MemoryFileSystem();
  fs.write('mem:///f.stmt', new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
  assert.deepEqual(await readSourceFile(fs, 'mem:///f.stmt', 10), { uri: 'mem:///f.stmt', text: 'A', problem: null });
  const missing = await readSourceFile(fs, 'mem:///missing.stmt', 10);
  assert.equal(missing.problem?.code, 'file-unreadable');
  assert.equal(missing.problem?.message, 'This file cannot be read (no such file).');
  fs.write('mem:///big.stmt', 'x'.repeat(2000));
  const tooLarge = await readSourceFile(fs, 'mem:///big.stmt', 1500);
  assert.equal(tooLarge.problem?.message, 'This file is larger than 1.5 KB (policyAnnotator.maxFileSize), so it is not analysed.');
  assert.equal(tooLarge.problem?.severity, 2);
  const bad = decodeSource('mem:///g', new Uint8Array([0xc3, 0x28]));
  assert.deepEqual(bad.problem, {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: 'file-not-utf8',
    message: 'This file is not UTF-8 text (binary, or another encoding), so it is not analysed.',
  });
});

test('settings: typed, defaulted, wrong types ignored', () => {
  const none = { catalogs: [], entities: { unknownNamesAsHints: false }, codebook: '', codingStorage: 'frontMatter' };
  assert.deepEqual(readSettings(undefined), { files: [], maxFileSize: 20_000_000, ...none });
  assert.deepEqual(readSettings({ files: ['**/*.txt', 3, ''], maxFileSize: 1000.7 }), { files: ['**/*.txt'], maxFileSize: 1000, ...none });
  assert.deepEqual(readSettings({ files: '**/*.txt', maxFileSize: 'big' }), { files: [], maxFileSize: 20_000_000, ...none });
  assert.deepEqual(readSettings({ catalogs: ['a.entities.yaml', 7], entities: { unknownNamesAsHints: true } }), {
    ...none, files: [], maxFileSize: 20_000_000, catalogs: ['a.entities.yaml'], entities: { unknownNamesAsHints: true },
  });
  assert.deepEqual(readSettings({ catalogs: 'a.yaml', entities: { unknownNamesAsHints: 'yes' } }), { files: [], maxFileSize: 20_000_000, ...none });
  assert.deepEqual(readSettings({ codebook: 'cb/codes.yaml', codingStorage: 'sidecar' }), { ...none, files: [], maxFileSize: 20_000_000, codebook: 'cb/codes.yaml', codingStorage: 'sidecar' });
  assert.deepEqual(readSettings({ codebook: 7, codingStorage: 'elsewhere' }), { files: [], maxFileSize: 20_000_000, ...none });
  assert.deepEqual(readFilesExclude({ exclude: { '**/.git': true, '**/x': false, '**/*.js': { when: '$(basename).ts' } } }), ['**/.git']);
  assert.deepEqual(readFilesExclude(null), []);
});

test('URIs compare by decoded path', () => {
  assert.equal(uriKey('file:///C%3A/a%20b/'), 'file:///c:/a b');
  assert.equal(relativePath('file:///w', 'file:///w/a%20b/c.stmt'), 'a b/c.stmt');
  assert.equal(relativePath('file:///w', 'file:///wx/c.stmt'), null);
  const filter = new PathFilter(['**/*.stmt'], []);
  filter.addGitignore('', '*.stmt\n!keep.stmt\n');
  assert.deepEqual([filter.isExcluded('a.stmt', false), filter.isExcluded('keep.stmt', false), filter.isExcluded('d/keep.stmt', false)], [true, false, false]);
});
