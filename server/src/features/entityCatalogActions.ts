import type { CancellationToken } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { addEntityEdit, appendEntity, entityIdFor } from '../core/entities/catalogEdit';
import type { EntityIndex } from '../core/entities/entityIndex';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { appendEdit, appendToList, type YamlFile } from '../core/yamlListEdit';

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
  config: YamlFile;
  /** The workspace catalogs in merge order (project config first, then the setting). */
  catalogs: YamlFile[];
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
  const created = appendEntity({ uri: catalogUri, text: null }, entry)!;
  const listed = appendToList(input.config, 'catalogs', DEFAULT_ENTITY_CATALOG);
  if (!listed) return { error: `${input.config.uri} cannot be edited safely (YAML errors, or 'catalogs' is not a list)` };
  return { edit: appendEdit([created, listed]), catalogUri };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
