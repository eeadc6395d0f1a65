import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REFERENCES_REQUEST, type ReferenceListItem, type ReferencesParams } from '../../server/src/features/referenceProtocol';
import { COMMANDS, LANGUAGE_ID, REFERENCES_VIEW } from './names';

const STATUS_ICON: Record<ReferenceListItem['status'], string> = {
  catalogued: 'book',
  known: 'symbol-number',
  unknown: 'question',
  nonexistent: 'error',
};

/** Asks the server for the references of a document (the client keeps no analysis of its own). */
async function referencesOf(client: LanguageClient, document: vscode.TextDocument): Promise<ReferenceListItem[]> {
  if (document.languageId !== LANGUAGE_ID) return [];
  const params: ReferencesParams = { uri: document.uri.toString() };
  return (await client.sendRequest<ReferenceListItem[]>(REFERENCES_REQUEST, params)) ?? [];
}

class ReferencesTree implements vscode.TreeDataProvider<ReferenceListItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: ReferenceListItem): Promise<ReferenceListItem[]> {
    const document = vscode.window.activeTextEditor?.document;
    if (element || !document) return [];
    return referencesOf(this.client, document);
  }

  getTreeItem(item: ReferenceListItem): vscode.TreeItem {
    const tree = new vscode.TreeItem(item.symbol);
    tree.description = [item.paragraph ? `¶ ${item.paragraph}` : null, item.text !== item.symbol ? item.text : null].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${item.symbol} — ${item.status}${item.approximate ? ' (approximate)' : ''}`);
    if (item.title) tooltip.appendText(`\n\n${item.title}`);
    tree.tooltip = tooltip;
    tree.iconPath = new vscode.ThemeIcon(STATUS_ICON[item.status]);
    tree.command = { command: COMMANDS.revealReference, title: 'Reveal Reference', arguments: [item] };
    return tree;
  }
}

function reveal(editor: vscode.TextEditor, item: ReferenceListItem): void {
  const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Moves to the next (or previous) reference after (before) the cursor, wrapping around. */
async function step(client: LanguageClient, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const items = await referencesOf(client, editor.document);
  if (items.length === 0) {
    void vscode.window.setStatusBarMessage('No references to UN documents in this statement', 3000);
    return;
  }
  const cursor = editor.selection.active;
  const at = (item: ReferenceListItem) => new vscode.Position(item.range.start.line, item.range.start.character);
  const target =
    direction === 1
      ? items.find((item) => at(item).isAfter(cursor)) ?? items[0]
      : [...items].reverse().find((item) => at(item).isBefore(cursor) && !editor.selection.contains(at(item))) ?? items[items.length - 1];
  reveal(editor, target);
}

/** The "References in this statement" view and the Next/Previous Reference commands. */
export function registerReferencesView(client: LanguageClient): vscode.Disposable {
  const tree = new ReferencesTree(client);
  const setActive = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.active', editor?.document.languageId === LANGUAGE_ID);
  setActive(vscode.window.activeTextEditor);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => tree.refresh(), 300);
  };
  return vscode.Disposable.from(
    vscode.window.registerTreeDataProvider(REFERENCES_VIEW, tree),
    vscode.commands.registerCommand(COMMANDS.nextReference, () => step(client, 1)),
    vscode.commands.registerCommand(COMMANDS.previousReference, () => step(client, -1)),
    vscode.commands.registerCommand(COMMANDS.revealReference, (item: ReferenceListItem) => {
      const editor = vscode.window.activeTextEditor;
      if (editor) reveal(editor, item);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      setActive(editor);
      tree.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) refreshSoon();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
