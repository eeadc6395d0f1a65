import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyOpening } from '../../server/src/core/openingPhrases';

test('opening phrases decide operative and preambular paragraphs, after leading adverbs', () => {
  const cases: [string, ReturnType<typeof classifyOpening>][] = [
    ['Decides that', 'operative'],
    ['Decides:', 'operative'],
    ['Decides\u00A0to', 'operative'],
    ['Calls upon all States', 'operative'],
    ['Takes note of', 'operative'],
    ['Strongly condemns the attacks', 'operative'],
    ['Also decides', 'operative'],
    ['Once again urges', 'operative'],
    ['In this regard, decides to', 'operative'],
    ['Deeply regrets', 'operative'],
    ['Recalling its resolutions', 'preambular'],
    ['Deeply concerned by', 'preambular'],
    ['Taking note of', 'preambular'],
    ['Expressing deep concern', 'preambular'],
    ['Noting with concern', 'preambular'],
    ['Acting under Chapter VII of the Charter', 'preambular'],
    ['Further,', null],
    ['We welcome', null],
    ['decides, in lower case, is prose', null],
    ['The Security Council,', null],
    ['Decidedly not a verb', null],
  ];
  for (const [text, kind] of cases) assert.equal(classifyOpening(text, 0, text.length), kind, text);
});
