import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS, LANGUAGE_ID, SERVER_BUNDLE, SETTINGS_SECTION } from '../../client/src/names';

const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

test('the contributed language is the one the client selects, for .statement and .stmt', () => {
  const languages = pkg.contributes.languages;
  assert.equal(languages.length, 1);
  assert.equal(languages[0].id, LANGUAGE_ID);
  assert.deepEqual(languages[0].extensions, ['.statement', '.stmt']);
  assert.equal(languages[0].aliases[0], 'Policy Statement');
});

test('the language configuration parses and its word pattern keeps symbols and apostrophes in one word', () => {
  const config = readJson(pkg.contributes.languages[0].configuration);
  const words = 'Da’esh’s S/RES/2254 (2015), non-sectarian'.match(new RegExp(config.wordPattern, 'g'));
  assert.deepEqual(words, ['Da’esh’s', 'S/RES/2254', '2015', 'non-sectarian']);
});

test('the grammar is contributed for the language under the scope name it declares', () => {
  const [grammar] = pkg.contributes.grammars;
  assert.equal(grammar.language, LANGUAGE_ID);
  assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
  assert.deepEqual(grammar.embeddedLanguages, { 'meta.embedded.block.frontmatter': 'yaml' });
});

test('the extension activates on the language, on statement files and project config, and on its command', () => {
  for (const event of [
    `onLanguage:${LANGUAGE_ID}`,
    'workspaceContains:**/*.statement',
    'workspaceContains:**/*.stmt',
    'workspaceContains:.policy-annotator.yaml',
    `onCommand:${COMMANDS.treatAsStatement}`,
  ]) {
    assert.ok(pkg.activationEvents.includes(event), `missing activation event ${event}`);
  }
});

test('every command the client registers is contributed with a title in the Policy Annotator category', () => {
  const contributed = new Map(pkg.contributes.commands.map((c: { command: string }) => [c.command, c]));
  for (const id of Object.values(COMMANDS)) {
    const command = contributed.get(id) as { title?: string; category?: string } | undefined;
    assert.ok(command, `command ${id} is not contributed`);
    assert.ok(command.title, `command ${id} has no title`);
    assert.equal(command.category, 'Policy Annotator');
  }
  assert.equal(
    (contributed.get(COMMANDS.treatAsStatement) as { title: string }).title,
    'Treat This File as a Policy Statement',
  );
});

test('every setting is under policyAnnotator., documented in markdown and has a default', () => {
  const properties: Record<string, { markdownDescription?: string; default?: unknown }> =
    pkg.contributes.configuration.properties;
  for (const [key, property] of Object.entries(properties)) {
    assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), `${key} is outside the policyAnnotator section`);
    assert.ok(property.markdownDescription, `${key} has no markdownDescription`);
    assert.ok('default' in property, `${key} has no default`);
  }
  assert.deepEqual(properties['policyAnnotator.files']?.default, []);
  assert.equal(properties['policyAnnotator.maxFileSize']?.default, 20_000_000);
  assert.equal(properties['policyAnnotator.trace.server']?.default, 'off');
});

test('the client bundle, the server bundle it starts and the CLI bin all live in dist/', () => {
  // test/package/vsix.test.ts checks that the build writes them and that they ship.
  assert.equal(pkg.main, './dist/client.js');
  assert.equal(SERVER_BUNDLE, 'dist/server.js');
  assert.equal(pkg.bin['policy-annotator'], './dist/cli.js');
});

test('engines.vscode stays at 1.91 and @types/vscode is not newer', () => {
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.match(pkg.devDependencies['@types/vscode'], /^[~^]?1\.91(\.\d+)?$/);
});

test('the licence is MIT and ships as a LICENSE file', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License/);
});
