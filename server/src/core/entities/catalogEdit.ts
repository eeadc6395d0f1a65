import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../text';
import { foldKey } from './normalize';
import type { EntityType } from './types';

/** The workspace catalog to append to; `text` null when the file does not exist yet. */
export interface CatalogFile {
  uri: string;
  text: string | null;
}

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
 * Appends an entry to the `entities:` list of a catalog file as one text insertion, so that every comment,
 * blank line and quoting style in the file stays as it was. The entry's YAML is written by the yaml Document
 * API; the file is read with it to find where the list ends and how it is indented. Returns null when the
 * file cannot be edited safely (YAML errors, or `entities` is not a list).
 */
export function addEntityEdit(file: CatalogFile, entry: NewEntity): WorkspaceEdit | null {
  if (file.text === null) {
    return {
      documentChanges: [
        { kind: 'create', uri: file.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: file.uri, version: null }, edits: [{ range: point(0, 0), newText: `${NEW_FILE_HEADER}entities:\n${entryYaml(entry, 2)}` }] },
      ],
    };
  }
  const text = file.text;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const lines = new LineIndex(text);
  const insert = (offset: number, newText: string): WorkspaceEdit => {
    const at = lines.positionAt(offset);
    return { changes: { [file.uri]: [{ range: { start: at, end: at }, newText }] } };
  };
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const withEol = (s: string) => s.replace(/\n/g, eol);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null) || (isMap(root) && !root.has('entities'))) {
    const head = text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
    return insert(text.length, head + withEol(`entities:\n${entryYaml(entry, 2)}`));
  }
  if (!isMap(root)) return null;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'entities')!;
  const value = pair.value;
  const keyStart = (pair.key as { range?: [number, number, number] }).range![0];
  const keyIndent = keyStart - lines.lineStarts[lines.positionAt(keyStart).line];
  if (value === null || (isScalar(value) && value.value === null)) {
    // `entities:` with nothing after it: the list starts on the next line.
    const lineEnd = lines.lineEnd(lines.positionAt(keyStart).line);
    return insert(lineEnd, withEol('\n' + entryYaml(entry, keyIndent + 2).replace(/\n$/, '')));
  }
  if (!isSeq(value) || !value.range) return null;
  if (value.flow) {
    if (value.items.length > 0) return null;
    // `entities: []`: replace the empty flow list, from just after the colon, by a block list.
    const start = text.lastIndexOf(':', value.range[0]) + 1;
    const end = value.range[1];
    const edit = { range: lines.range(start, end), newText: withEol('\n' + entryYaml(entry, keyIndent + 2).replace(/\n$/, '')) };
    return { changes: { [file.uri]: [edit] } };
  }
  const start = value.range[0];
  const indent = start - lines.lineStarts[lines.positionAt(start).line];
  const end = value.range[1];
  const head = /[\r\n]/.test(text.charAt(end - 1)) ? '' : eol;
  return insert(end, head + withEol(entryYaml(entry, indent)));
}

function entryYaml(entry: NewEntity, indent: number): string {
  const pad = ' '.repeat(indent);
  return new Document([{ id: entry.id, type: entry.type, name: entry.name }])
    .toString()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => pad + line + '\n')
    .join('');
}

function point(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}
