import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LastGoodFiles } from '../../server/src/core/lastGoodFiles';

test('last good files: a broken version keeps the last good one in use; problems come from the latest', () => {
  const files = new LastGoodFiles<{ text: string }>();
  files.set('a', { text: 'never good' }, false);
  assert.deepEqual(files.good('a'), { text: 'never good' }, 'a file never good serves its latest version');
  files.set('a', { text: 'v1' }, true);
  files.set('a', { text: 'broken' }, false);
  assert.deepEqual(files.good('a'), { text: 'v1' });
  assert.deepEqual(files.latest('a'), { text: 'broken' });
  files.set('a', { text: 'v2' }, true);
  assert.deepEqual(files.good('a'), { text: 'v2' });
  files.set('b', { text: 'b1' }, true);
  files.retain(['b']);
  assert.equal(files.good('a'), undefined);
  assert.equal(files.latest('a'), undefined);
  files.delete('b');
  assert.equal(files.good('b'), undefined);
});
