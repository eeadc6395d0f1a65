import type { CancellationToken } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { DocumentAnalysis } from '../core/analysis';
import { addEntityEdit, entityIdFor, type CatalogFile } from '../core/entities/catalogEdit';
import type { EntityIndex } from '../core/entities/entityIndex';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';

/** The client command that asks for the type (quick pick) and then sends ADD_ENTITY_REQUEST. */
export const ADD_ENTITY_COMMAND = 'policyAnnotator.addEntityToCatalog';
export const ADD_ENTITY_REQUEST = 'policyAnnotator/addEntityToCatalog';
/** Catalog created when the workspace has none yet, and listed in `.policy-annotator.yaml`. */
export const DEFAULT_ENTITY_CATALOG = 'policy-annotator.entities.yaml';

export interface AddEntityParams {
  documentUri: string;
  name: string;
  type?: EntityType;
}

/** "Add to workspace catalog as…" on every unknown name the range touches. */
export function unknownNameActions(doc: DocumentAnalysis, range: Range, token: CancellationToken): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const name of doc.entities.unknown) {
    if (token.isCancellationRequested) return [];
    if (!name.occurrences.some((o) => overlaps(o.range, range))) continue;
    const title = `Add '${name.text}' to workspace catalog as…`;
    const args: AddEntityParams = { documentUri: doc.statement.uri, name: name.text };
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: ADD_ENTITY_COMMAND, arguments: [args] } });
  }
  return actions;
}

/** What the server read to plan the edit; `text` null for files that do not exist. */
export interface CatalogPlanInput {
  folderUri: string;
  /** `.policy-annotator.yaml` of the folder. */
  config: CatalogFile;
  /** The workspace catalogs in merge order (project config first, then the setting). */
  catalogs: CatalogFile[];
  index: EntityIndex;
}

/**
 * The edit that adds `name` as a `type` entry to the first workspace catalog. Without any catalog, it
 * creates `policy-annotator.entities.yaml` and lists it under `catalogs:` in `.policy-annotator.yaml`
 * (creating that too when needed). Every file is edited by insertion, keeping comments and order.
 */
export function planAddEntity(input: CatalogPlanInput, name: string, type: EntityType): { edit: WorkspaceEdit; catalogUri: string } | { error: string } {
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) return { error: `unknown entity type '${type}'` };
  const entry = { id: entityIdFor(name, new Set(input.index.byId.keys())), type, name };
  const target = input.catalogs[0];
  if (target) {
    const edit = addEntityEdit(target, entry);
    return edit ? { edit, catalogUri: target.uri } : { error: `${target.uri} has YAML errors or an 'entities' key that is not a list; fix it first` };
  }
  const catalogUri = `${input.folderUri.replace(/\/$/, '')}/${DEFAULT_ENTITY_CATALOG}`;
  const created = addEntityEdit({ uri: catalogUri, text: null }, entry)!;
  const configEdit = listCatalogEdit(input.config, DEFAULT_ENTITY_CATALOG);
  if (!configEdit) return { error: `${input.config.uri} cannot be edited safely (YAML errors, or 'catalogs' is not a list)` };
  return { edit: { documentChanges: [...created.documentChanges!, ...configEdit] }, catalogUri };
}

/** Document changes that add `path` to the `catalogs:` list of the project config (null: not safely). */
function listCatalogEdit(config: CatalogFile, path: string): NonNullable<WorkspaceEdit['documentChanges']> | null {
  const line = `  - ${path}\n`;
  if (config.text === null) {
    return [
      { kind: 'create', uri: config.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: config.uri, version: null }, edits: [{ range: point(0, 0), newText: `catalogs:\n${line}` }] },
    ];
  }
  const doc = parseDocument(config.text);
  if (doc.errors.length) return null;
  const root = doc.contents;
  const lines = config.text.split(/\r\n|\r|\n/);
  const end = point(lines.length - 1, lines[lines.length - 1].length);
  const head = config.text.length > 0 && !/[\r\n]$/.test(config.text) ? '\n' : '';
  if (root === null || (isScalar(root) && root.value === null) || (isMap(root) && !root.has('catalogs'))) {
    return [{ textDocument: { uri: config.uri, version: null }, edits: [{ range: end, newText: `${head}catalogs:\n${line}` }] }];
  }
  const list = isMap(root) ? root.get('catalogs', true) : null;
  // `catalogs: []` or `catalogs:` with nothing: the workspace has no catalog, so the list is empty.
  if (isSeq(list) && list.items.length === 0 && list.flow && list.range) {
    const before = config.text.slice(0, list.range[0]);
    const at = position(before);
    const to = position(config.text.slice(0, list.range[1]));
    return [{ textDocument: { uri: config.uri, version: null }, edits: [{ range: { start: at, end: to }, newText: `[${path}]` }] }];
  }
  return null;
}

function position(before: string) {
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
