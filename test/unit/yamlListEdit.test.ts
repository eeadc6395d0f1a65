import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendEdit, appendToList, type FileAppend } from '../../server/src/core/yamlListEdit';
import { LineIndex } from '../../server/src/core/text';

const URI = 'file:///w/.policy-annotator.yaml';

function applied(text: string, append: FileAppend | null): string {
  assert.ok(append);
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(append.edit.range.start)) + append.edit.newText + text.slice(lines.offsetAt(append.edit.range.end));
}

test('appending under a top-level key: after the last item, into an empty or missing list, with the file’s line ends', () => {
  const add = (text: string) => applied(text, appendToList({ uri: URI, text }, 'catalogs', 'new.yaml', { siblings: { version: 1 } }));
  assert.equal(add('catalogs:\n  - a.yaml  # ours\ncodebook: c.yaml\n'), 'catalogs:\n  - a.yaml  # ours\n  - new.yaml\ncodebook: c.yaml\n');
  assert.equal(add('catalogs: []\ncodebook: c.yaml\n'), 'catalogs:\n  - new.yaml\ncodebook: c.yaml\n');
  assert.equal(add('catalogs:\r\n# none yet\r\n'), 'catalogs:\r\n  - new.yaml\r\n# none yet\r\n');
  assert.equal(add('version: 1\ncodebook: c.yaml'), 'version: 1\ncodebook: c.yaml\ncatalogs:\n  - new.yaml\n');
  assert.equal(add('# nothing yet\n'), '# nothing yet\nversion: 1\ncatalogs:\n  - new.yaml\n');
  for (const text of ['catalogs: [a.yaml]\n', 'catalogs: 3\n', '- a\n', 'catalogs: [\n']) {
    assert.equal(appendToList({ uri: URI, text }, 'catalogs', 'new.yaml'), null, text);
  }
});

test('appends to new files create them first; appends to existing files are plain changes', () => {
  const created = appendToList({ uri: 'file:///w/new.yaml', text: null }, 'entries', { symbol: 'S/RES/1 (1946)' }, { header: '# head\n', siblings: { version: 1 } })!;
  assert.deepEqual(created, {
    uri: 'file:///w/new.yaml', create: true,
    edit: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# head\nversion: 1\nentries:\n  - symbol: S/RES/1 (1946)\n' },
  });
  const listed = appendToList({ uri: URI, text: 'catalogs:\n  - a.yaml\n' }, 'catalogs', 'new.yaml')!;
  assert.deepEqual(appendEdit([listed]), { changes: { [URI]: [listed.edit] } });
  assert.deepEqual(appendEdit([created, listed]), {
    documentChanges: [
      { kind: 'create', uri: 'file:///w/new.yaml', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///w/new.yaml', version: null }, edits: [created.edit] },
      { textDocument: { uri: URI, version: null }, edits: [listed.edit] },
    ],
  });
});
