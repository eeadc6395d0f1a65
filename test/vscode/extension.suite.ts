// Runs inside the VS Code extension host against a workspace that is a copy of samples/.
// Language features come from the real language server, so every query polls until the server answers.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';

const EXTENSION_ID = 'policy-annotator.policy-annotator';
const COMMUNIQUE = 'ministerial-communique.stmt';
const RESOLUTION = 'counter-terrorism-resolution.statement';

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

  test('(pending: issue 3) hover on a resolution reference shows its card');
  test('(pending: issue 3) diagnostics: the nonexistent resolution 9999 (2017) is an unresolved reference');
  test('(pending: issue 3) go to definition, find references and document links on a reference');
  test('(pending: issue 4) hover on an entity shows its card');
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

});

async function openSample(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder (a copy of samples/) is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls until `probe` gives a truthy value (the server may still be starting); fails after `timeoutMs`. */
async function poll<T>(what: string, probe: () => Thenable<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
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

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function rangeOf(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
