import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { appendEdit, appendToList, type FileAppend } from '../yamlListEdit';
import type { CatalogEntry } from './catalog';

/** The workspace catalog that "Add to workspace catalog" appends to; `text` null when the file does not exist yet. */
export interface CatalogTarget {
  uri: string;
  text: string | null;
  /**
   * Set when no catalog is configured yet: the new catalog is also listed under `catalogs:` in the project
   * config (created when missing), so that it is read.
   */
  register?: { configUri: string; configText: string | null; path: string };
}

const NEW_CATALOG_HEADER = '# Workspace catalog for Policy Annotator (format: docs/CATALOG.md).\n# Entries here add to and override the bundled catalog.\n';

/**
 * A WorkspaceEdit that appends `entry` to the catalog's `entries` list, touching nothing else in the file so
 * that its comments and formatting stay. Returns null when the file cannot be edited safely (YAML errors, or
 * `entries` is not a list).
 */
export function addCatalogEntryEdit(target: CatalogTarget, entry: CatalogEntry): WorkspaceEdit | null {
  const added = appendToList(target, 'entries', entry, { header: NEW_CATALOG_HEADER, siblings: { version: 1 } });
  if (added === null) return null;
  const appends: FileAppend[] = [added];
  if (target.text === null && target.register) {
    const { configUri, configText, path } = target.register;
    const listed = appendToList({ uri: configUri, text: configText }, 'catalogs', path);
    if (listed === null) return null;
    appends.push(listed);
  }
  return appendEdit(appends);
}
