import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './names';

/** Names shared with the server (features/entityTree.ts, entityCatalogActions.ts) and package.json. */
const ENTITIES_REQUEST = 'policyAnnotator/entities';
const ADD_ENTITY_REQUEST = 'policyAnnotator/addEntityToCatalog';
const ADD_ENTITY_COMMAND = 'policyAnnotator.addEntityToCatalog';
const REVEAL_COMMAND = 'policyAnnotator.revealEntityMention';
export const ENTITIES_VIEW = 'policyAnnotator.entities';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface EntityItem {
  id: string;
  name: string;
  type: string;
  category?: string;
  count: number;
  mentions: Array<{ range: LspRange; text: string }>;
}
interface EntityGroup {
  type: string;
  count: number;
  entities: EntityItem[];
}
type Node = { kind: 'group'; group: EntityGroup } | { kind: 'entity'; entity: EntityItem } | { kind: 'mention'; entity: EntityItem; index: number };

const TYPE_LABELS: Record<string, [string, string]> = {
  person: ['People', 'person'],
  organization: ['Organisations', 'organization'],
  location: ['Places', 'location'],
  event: ['Events', 'calendar'],
  document: ['Documents', 'book'],
  role: ['Roles', 'briefcase'],
  concept: ['Concepts', 'lightbulb'],
};

const ENTITY_TYPE_PICKS: Array<vscode.QuickPickItem & { type: string }> = [
  { label: 'organization', description: 'a body, agency, group, government, fund', type: 'organization' },
  { label: 'person', description: 'someone named in statements', type: 'person' },
  { label: 'location', description: 'a state, city, region, site', type: 'location' },
  { label: 'event', description: 'a conference, meeting, ceasefire', type: 'event' },
  { label: 'document', description: 'an instrument, agreement, plan', type: 'document' },
  { label: 'role', description: 'an office or title', type: 'role' },
  { label: 'concept', description: 'an idea or agenda', type: 'concept' },
];

/** "Entities in this statement": the active statement's entities grouped by type, fed by the server. */
class EntitiesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    this.uri = editor?.document.languageId === LANGUAGE_ID ? editor.document.uri : undefined;
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.uri) return [];
      const groups = await this.client.sendRequest<EntityGroup[]>(ENTITIES_REQUEST, { uri: this.uri.toString() });
      return groups.map((group) => ({ kind: 'group', group }));
    }
    if (node.kind === 'group') return node.group.entities.map((entity) => ({ kind: 'entity', entity }));
    if (node.kind === 'entity') return node.entity.mentions.map((_, index) => ({ kind: 'mention', entity: node.entity, index }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const [label, icon] = TYPE_LABELS[node.group.type] ?? [node.group.type, 'symbol-misc'];
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.group.entities.length} · ${node.group.count} mentions`;
      item.iconPath = new vscode.ThemeIcon(icon);
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.entity.count}${node.entity.category ? ` · ${node.entity.category}` : ''}`;
      item.tooltip = `${node.entity.name} (${node.entity.id})`;
      item.command = this.reveal(node.entity.mentions[0].range);
      return item;
    }
    const mention = node.entity.mentions[node.index];
    const item = new vscode.TreeItem(mention.text, vscode.TreeItemCollapsibleState.None);
    item.description = `line ${mention.range.start.line + 1}`;
    item.command = this.reveal(mention.range);
    return item;
  }

  private reveal(range: LspRange): vscode.Command {
    return { title: 'Show mention', command: REVEAL_COMMAND, arguments: [this.uri, range] };
  }
}

/** Registers the view, its refresh on editor changes, and the "Add to workspace catalog as…" command. */
export function registerEntitiesView(client: LanguageClient): vscode.Disposable {
  const provider = new EntitiesProvider(client);
  provider.refresh();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), 300);
  };
  return vscode.Disposable.from(
    vscode.window.registerTreeDataProvider(ENTITIES_VIEW, provider),
    vscode.window.onDidChangeActiveTextEditor(() => provider.refresh()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, range: LspRange) => {
      const editor = await vscode.window.showTextDocument(uri);
      const r = client.protocol2CodeConverter.asRange(range);
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(ADD_ENTITY_COMMAND, async (args: { documentUri: string; name: string }) => {
      const pick = await vscode.window.showQuickPick(ENTITY_TYPE_PICKS, { title: `Add '${args.name}' to the workspace catalog as…` });
      if (!pick) return;
      const result = await client.sendRequest<{ applied: boolean; catalogUri?: string; error?: string }>(ADD_ENTITY_REQUEST, { ...args, type: pick.type });
      if (result.error) void vscode.window.showErrorMessage(`Policy Annotator: ${result.error}`);
      else if (result.applied) {
        void vscode.window.showInformationMessage(`Added '${args.name}' (${pick.type}) to ${vscode.workspace.asRelativePath(vscode.Uri.parse(result.catalogUri!))}.`);
        later();
      }
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
