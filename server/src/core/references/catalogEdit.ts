import { Document, isMap, isSeq, parseDocument } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../text';
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

const NEW_CATALOG_HEADER =
  '# Workspace catalog for Policy Annotator (format: docs/CATALOG.md).\n# Entries here add to and override the bundled catalog.\nversion: 1\nentries:\n';

/** The stub's YAML lines as the yaml Document API writes them, indented to `indent` columns. */
function stubYaml(entry: CatalogEntry, indent: number): string {
  const text = new Document([entry]).toString();
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => pad + line + '\n')
    .join('');
}

/**
 * A WorkspaceEdit that appends `entry` to the catalog's `entries` list, touching nothing else in the file so
 * that its comments and formatting stay. Returns null when the file cannot be edited safely (YAML errors, or
 * `entries` is not a list).
 */
export function addCatalogEntryEdit(target: CatalogTarget, entry: CatalogEntry): WorkspaceEdit | null {
  if (target.text === null) {
    const start = { line: 0, character: 0 };
    const changes: NonNullable<WorkspaceEdit['documentChanges']> = [
      { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start, end: start }, newText: NEW_CATALOG_HEADER + stubYaml(entry, 2) }] },
    ];
    if (target.register) {
      const { configUri, configText, path } = target.register;
      const listed = listCatalogEdit(configText ?? '', path);
      if (listed === null) return null;
      if (configText === null) changes.push({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
      changes.push({ textDocument: { uri: configUri, version: null }, edits: [{ range: { start: listed.at, end: listed.at }, newText: listed.text }] });
    }
    return { documentChanges: changes };
  }
  const text = target.text;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const lines = new LineIndex(text);
  const insert = (offset: number, newText: string): WorkspaceEdit => {
    const at = lines.positionAt(offset);
    return { changes: { [target.uri]: [{ range: { start: at, end: at }, newText }] } };
  };
  const root = doc.contents;
  if (root === null || (isMap(root) && !root.has('entries'))) {
    const head = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    const version = root === null || !(isMap(root) && root.has('version')) ? 'version: 1\n' : '';
    return insert(text.length, `${head}${version}entries:\n${stubYaml(entry, 2)}`);
  }
  if (!isMap(root)) return null;
  const seq = root.get('entries', true);
  if (isSeq(seq) && !seq.flow && seq.range && seq.items.length > 0) {
    const start = seq.range[0];
    const indent = start - lines.lineStarts[lines.positionAt(start).line];
    const end = seq.range[1];
    const head = text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13 ? '' : '\n';
    return insert(end, head + stubYaml(entry, indent));
  }
  return null;
}

/** An insertion that lists `path` under `catalogs:` in a project config, or null when it cannot be done safely. */
function listCatalogEdit(config: string, path: string): { at: { line: number; character: number }; text: string } | null {
  const doc = parseDocument(config);
  if (doc.errors.length > 0) return null;
  const lines = new LineIndex(config);
  const root = doc.contents;
  const item = new Document([path]).toString();
  if (root === null || (isMap(root) && !root.has('catalogs'))) {
    const head = config.length > 0 && !config.endsWith('\n') ? '\n' : '';
    return { at: lines.positionAt(config.length), text: `${head}catalogs:\n${item.replace(/^/gm, '  ').trimEnd()}\n` };
  }
  if (!isMap(root)) return null;
  const seq = root.get('catalogs', true);
  if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return null;
  const start = seq.range[0];
  const indent = start - lines.lineStarts[lines.positionAt(start).line];
  const end = seq.range[1];
  const head = config.charCodeAt(end - 1) === 10 || config.charCodeAt(end - 1) === 13 ? '' : '\n';
  return { at: lines.positionAt(end), text: `${head}${' '.repeat(indent)}${item.trimEnd()}\n` };
}
