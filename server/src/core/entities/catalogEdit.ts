import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { appendEdit, appendToList, type FileAppend, type YamlFile } from '../yamlListEdit';
import { foldKey } from './normalize';
import type { EntityType } from './types';

export interface NewEntity {
  id: string;
  type: EntityType;
  name: string;
}

const NEW_FILE_HEADER = '# Workspace entity catalog for Policy Annotator (format: docs/ENTITIES.md).\n# Entries here add to and override the bundled gazetteer.\n';

/** A kebab-case id for `name` that no entry in `taken` has yet ("funding-facility-for-expanded-stabilization"). */
export function entityIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = foldKey(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'entity';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Appends an entry to the `entities:` list of a catalog file as one text change that keeps every comment,
 * blank line and quoting style (see `appendToList`). Returns null when the file cannot be edited safely
 * (YAML errors, or `entities` is not a list).
 */
export function addEntityEdit(file: YamlFile, entry: NewEntity): WorkspaceEdit | null {
  const added = appendEntity(file, entry);
  return added && appendEdit([added]);
}

/** The append of an entity entry, to combine with other file changes in one edit. */
export function appendEntity(file: YamlFile, entry: NewEntity): FileAppend | null {
  return appendToList(file, 'entities', { id: entry.id, type: entry.type, name: entry.name }, { header: NEW_FILE_HEADER });
}
