import { Document, isMap, isSeq, parseDocument } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../text';
import type { CatalogEntry } from './catalog';

/** The workspace catalog that "Add to workspace catalog" appends to; `text` null when the file does not exist yet. */
export interface CatalogTarget {
  uri: string;
  text: string | null;
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
    return {
      documentChanges: [
        { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: target.uri, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: NEW_CATALOG_HEADER + stubYaml(entry, 2) }],
        },
      ],
    };
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
