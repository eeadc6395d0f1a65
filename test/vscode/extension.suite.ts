// Runs inside the VS Code extension host against a workspace that is a copy of samples/.
// Language features come from the real language server, so every query polls until the server answers.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';

const EXTENSION_ID = 'policy-annotator.policy-annotator';
const COMMUNIQUE = 'ministerial-communique.stmt';
const RESOLUTION = 'counter-terrorism-resolution.statement';
const JOINT = 'coalition-joint-statement.statement';
const DONORS = 'donor-conference-cochairs.statement';
const CRLF = 'crlf-spokesperson-statement.stmt';

suite('Policy Annotator in the extension host', () => {
  test('activates on a statement file and gives it the policy-statement language', async () => {
    const document = await openSample(COMMUNIQUE);
    assert.equal(document.languageId, 'policy-statement');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    // activate() rejects when the extension's activation failed (e.g. its language server did not start).
    await extension.activate();
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('policyAnnotator.treatAsStatement'), 'the treat-as-statement command is registered');
  });

  test('document symbols: the title holds the numbered paragraphs', async () => {
    const document = await openSample(COMMUNIQUE);
    const symbols = await poll('document symbols', () => documentSymbols(document));
    assert.deepEqual(outline(symbols), [
      'Communiqué of the Foreign Ministers’ Meeting on the Lake Chad Basin (title)',
      '  1. (numbered)',
      '  2. (numbered)',
      '  4. (numbered)',
      '  5. (numbered)',
      '  6. (numbered)',
    ]);
    const four = symbols[0].children[2];
    assert.ok(four.name.startsWith('4. The Ministers recalled General Assembly resolution 70/1'), four.name);
    assert.deepEqual(rangeOf(four.selectionRange), [4, 2, 4, 4]);
  });

  test('document symbols: preambular and operative paragraphs with nested subparagraphs', async () => {
    const document = await openSample(RESOLUTION);
    const symbols = await poll('document symbols', () => documentSymbols(document));
    assert.deepEqual(outline(symbols), [
      'Threats to international peace and security caused by terrorist acts (title)',
      '  The (unnumbered)',
      '  Recalling (preambular)',
      '  Reaffirming (preambular)',
      '  Deeply (preambular)',
      '  Recognizing (preambular)',
      '  Acting (preambular)',
      '  1. (operative)',
      '    (a) (subparagraph)',
      '    (b) (subparagraph)',
      '    (c) (subparagraph)',
      '      (i) (subparagraph)',
      '      (ii) (subparagraph)',
      '  2. (operative)',
      '  3. (operative)',
      '  4. (operative)',
      '  5. (operative)',
    ]);
  });

  test('diagnostics: the seeded numbering gap, with its renumbering quick fix', async () => {
    const document = await openSample(COMMUNIQUE);
    const gap = await poll('the paragraph-number-gap diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'paragraph-number-gap'),
    );
    assert.equal(gap.message, 'Numbering skips: paragraph 3 is missing.');
    assert.equal(gap.source, 'policy-annotator');
    assert.equal(gap.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(rangeOf(gap.range), [4, 2, 4, 4]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      gap.range,
    );
    const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit);
    assert.ok(fix, `a quick fix with an edit is offered (got: ${actions.map((a) => a.title).join('; ')})`);
    assert.equal(fix.title, 'Renumber 3 paragraphs (4 → 3, …)');
    const edits = fix.edit!.get(document.uri);
    assert.deepEqual(
      edits.map((e) => [rangeOf(e.range), e.newText]),
      [[[4, 2, 4, 3], '3'], [[5, 2, 5, 3], '4'], [[6, 2, 6, 3], '5']],
    );
  });

  test('hover on a paragraph marker shows the paragraph card', async () => {
    const document = await openSample(COMMUNIQUE);
    const text = await poll('a hover on the marker of paragraph 4', () => hoverText(document, new vscode.Position(4, 3)));
    assert.match(text, /Paragraph 4\*\* · numbered/);
    assert.match(text, /\d+ words · \d+ sentences/);
  });

  test('hover on a resolution reference shows its card', async () => {
    const joint = await openSample(JOINT);
    // The citation count comes from the workspace index, built in the background.
    const catalogued = await poll(
      'a hover on UNSCR 2254 counting all its citations',
      () => hoverText(joint, new vscode.Position(8, 121)),
      (text) => text.includes('Cited 4 times'),
    );
    // Markdown escapes the parentheses.
    assert.match(catalogued, /^\*\*S\/RES\/2254 \\\(2015\\\)\*\* · Security Council resolution 2254 · _in the catalog_/);
    assert.match(catalogued, /Cited 4 times in 3 files of the workspace/);
    assert.match(catalogued, /Adopted 18 December 2015/);
    assert.match(catalogued, /\[Official document\]\(<https:\/\/undocs\.org\/S\/RES\/2254\(2015\)>\)/);
    const communique = await openSample(COMMUNIQUE);
    const known = await poll('a hover on UNSCR 2349', () => hoverText(communique, new vscode.Position(5, 60)));
    assert.match(known, /^\*\*S\/RES\/2349 \\\(2017\\\)\*\* · Security Council resolution 2349 · _known number, not in the catalog_/);
  });

  test('diagnostics: the nonexistent resolution 9999 (2017) is an unresolved reference', async () => {
    const document = await openSample(COMMUNIQUE);
    const unresolved = await poll('the unresolved-reference diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unresolved-reference'),
    );
    assert.equal(
      unresolved.message,
      'Security Council resolution 9999 does not exist: the Security Council adopted resolutions 2337–2397 in 2017.',
    );
    assert.equal(unresolved.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(rangeOf(unresolved.range), [5, 75, 5, 97]);
  });

  test('go to definition on a reference lands on its entry in the bundled catalog', async () => {
    const document = await openSample(JOINT);
    const locations = await poll('a definition of UNSCR 2254', () => definitions(document, new vscode.Position(8, 121)));
    assert.equal(locations.length, 1);
    assert.ok(locations[0].uri.path.endsWith('/server/data/catalogs/security-council.catalog.json'), locations[0].uri.path);
    const catalog = await vscode.workspace.openTextDocument(locations[0].uri);
    assert.match(catalog.getText(locations[0].range), /^\{\s*"symbol": "S\/RES\/2254 \(2015\)"/);
  });

  test('find references lists every citation of the same resolution across the workspace', async () => {
    const document = await openSample(JOINT);
    const cited = (locations: vscode.Location[]) =>
      locations.map((l) => `${path.basename(l.uri.path)}:${l.range.start.line}:${l.range.start.character}`).sort();
    const expected = [`${JOINT}:7:258`, `${JOINT}:8:119`, `${CRLF}:6:96`, `${DONORS}:12:137`];
    // The workspace index is built in the background; poll until the other files' citations are in it.
    const found = await poll(
      'references to S/RES/2254 (2015) in three files',
      async () =>
        cited(
          await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeReferenceProvider',
            document.uri,
            new vscode.Position(8, 121),
          ),
        ),
      (locations) => locations.length >= expected.length,
    );
    assert.deepEqual(found, expected);
  });

  test('document links point to the official documents of the references that exist', async () => {
    const document = await openSample(COMMUNIQUE);
    const links = await poll('document links', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
      return result.length > 0 ? result : undefined;
    });
    assert.deepEqual(
      links.map((l) => [rangeOf(l.range), l.target?.toString(true)]),
      [
        [[4, 28, 4, 60], 'https://undocs.org/A/RES/70/1'],
        [[5, 57, 5, 67], 'https://undocs.org/S/RES/2349(2017)'],
        [[5, 279, 5, 289], 'https://undocs.org/S/2017/764'],
        [[5, 321, 5, 334], 'https://undocs.org/S/PRST/2018/3'],
      ],
    );
  });

  test('hover on an entity shows its card, under any of its names', async () => {
    const document = await openSample(JOINT);
    const text = await poll('a hover on Da’esh', () => hoverText(document, new vscode.Position(2, 93)));
    assert.match(text, /^\*\*Islamic State in Iraq and the Levant\*\* · organization/);
    assert.match(text, /_Named here by an alias: Da’esh_/);
    const mosul = await poll('a hover on Mosul', () => hoverText(document, new vscode.Position(3, 140)));
    assert.match(mosul, /^\*\*Mosul\*\* · location · city/);
    assert.match(mosul, /- Part of: Iraq/);
  });
  test('coding: code lenses list the codes of the sample resolution (sidecar codings, sample codebook)', async () => {
    const document = await openSample(RESOLUTION);
    const lenses = await poll('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [4, 'Codes: Reaffirmation of prior commitments'],
        [10, 'Codes: Violent extremism ✎'],
        [18, 'Codes: Violent extremism'],
        [26, 'Codes: Sanctions and financing · Violent extremism'],
        [27, 'Codes: Violent extremism'],
        [31, 'Codes: Aid and funding'],
      ],
    );
  });

  test('coding: tagging writes the codings as one edit that one undo reverts', async () => {
    const document = await openSample(COMMUNIQUE);
    const before = document.getText();
    // What "Tag Paragraph with Codes…" runs once codes are picked (the pick itself is interactive).
    await poll('the tag command', async () => {
      const commands = await vscode.commands.getCommands(true);
      return commands.includes('policyAnnotator.server.setParagraphCodes');
    });
    await vscode.commands.executeCommand('policyAnnotator.server.setParagraphCodes', { uri: document.uri.toString(), paths: ['2', '4'], add: ['HUM.AID'], remove: [] });
    await poll('the codings in the front matter', () => document.getText() !== before);
    assert.ok(document.getText().startsWith('---\ncodings:\n  - paragraph: "2"\n    codes: [HUM.AID]\n    quote: "'), document.getText().slice(0, 200));
    assert.equal(document.getText().slice(document.getText().indexOf('---\n', 4) + 4), before);
    await vscode.commands.executeCommand('undo');
    await poll('undo', () => document.getText() === before);
  });

  test('coding: tagging a statement coded in a sidecar file writes the sidecar, not the statement', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('policyAnnotator.tagParagraph'), '"Tag Paragraph with Codes…" is registered');
    const document = await openSample(RESOLUTION);
    const sidecarUri = vscode.Uri.joinPath(document.uri, '..', `${RESOLUTION}.codes.yaml`);
    const sidecar = await vscode.workspace.openTextDocument(sidecarUri);
    const before = sidecar.getText();
    // What the command runs once the user has picked the codes: the server computes and applies the edit.
    await poll('the server to accept the coding command', async () => {
      await vscode.commands.executeCommand('policyAnnotator.server.setParagraphCodes', {
        uri: document.uri.toString(),
        paths: ['2'],
        add: ['POL.TALKS'],
        remove: [],
      });
      return sidecar.getText() !== before;
    });
    assert.equal(document.isDirty, false, 'the statement itself is untouched');
    assert.equal(
      sidecar.getText(),
      before.replace(
        '  - paragraph: "3"\n',
        '  - paragraph: "2"\n    codes: [POL.TALKS]\n    quote: "Calls upon all States to intensify"\n  - paragraph: "3"\n',
      ),
    );
  });

  // Last: once README.md is a statement, its citations count in the workspace too.
  test('"Treat This File as a Policy Statement" switches the active editor\'s language', async () => {
    const readme = await openSample('README.md');
    assert.equal(readme.languageId, 'markdown');
    await vscode.commands.executeCommand('policyAnnotator.treatAsStatement');
    await poll('README.md to become a policy statement', () => {
      const active = vscode.window.activeTextEditor?.document;
      return active?.uri.toString() === readme.uri.toString() && active.languageId === 'policy-statement';
    });
  });
});

async function openSample(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder (a copy of samples/) is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Polls `probe` until its value passes `accept` (default: truthy), since the server may still be starting or
 * indexing; on time-out the error shows the last value.
 */
async function poll<T>(
  what: string,
  probe: () => Thenable<T | undefined | null | false> | T | undefined | null | false,
  accept: (value: T) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    last = value;
    if (value && accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function documentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  return symbols && symbols.length > 0 ? symbols : undefined;
}

/** One line per symbol: indentation by depth, the name's first word (the marker) and the detail (the kind). */
function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${depth === 0 ? s.name : s.name.split(' ')[0]} (${s.detail})`,
    ...outline(s.children, depth + 1),
  ]);
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  return text || undefined;
}

async function definitions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
  const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider',
    document.uri,
    position,
  );
  const locations = result.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetRange) : l));
  return locations.length > 0 ? locations : undefined;
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function rangeOf(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
