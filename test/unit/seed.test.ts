import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseStatement } from '../../server/src/core/statement';
import { sharedDir } from '../shared';

test('the seed statement: title, 15 numbered paragraphs, web boilerplate hint', (t) => {
  const dir = sharedDir(t, 'seeds');
  if (!dir) return;
  const [file] = readdirSync(dir);
  const s = parseStatement({ uri: 'file:///seed', version: 1, text: readFileSync(path.join(dir, file), 'utf8') });
  assert.equal(s.title?.text, 'Joint Statement by the Small Group of the Global Coalition');
  assert.deepEqual(s.paragraphs.map((p) => p.label), Array.from({ length: 15 }, (_, i) => String(i + 1)));
  assert.ok(s.paragraphs.every((p) => p.kind === 'numbered' && p.depth === 0));
  assert.equal(s.paragraphs[0].excerpt, 'These are essential milestones in our campaign to put Da’esh…');
  assert.deepEqual(s.problems.map((p) => [p.code, p.range.start.line]), [['web-boilerplate', 18]]);
});
