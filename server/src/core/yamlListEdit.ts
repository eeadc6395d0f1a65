import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from './text';

/** A YAML file to edit; `text` null when it does not exist yet. */
export interface YamlFile {
  uri: string;
  text: string | null;
}

export interface AppendOptions {
  /** Comment lines that open a new file. */
  header?: string;
  /** Top-level keys written along with a new list when the file lacks them (a catalog's `version: 1`). */
  siblings?: Record<string, unknown>;
}

/** One file's part of an edit: a single insertion (or the replacement of an empty `[]`), creating the file first when needed. */
export interface FileAppend {
  uri: string;
  create: boolean;
  edit: TextEdit;
}

/**
 * Appends `item` to the list under the top-level `key` of a YAML file as one text change, so that every
 * comment, blank line and quoting style in the file stays. The item's YAML is written by the yaml Document API;
 * the file is read with it to find where the list ends and how it is indented. A missing file or key gets the
 * list; `key:` with nothing and `key: []` become a block list. Returns null when the file cannot be edited
 * safely (YAML errors, a root that is not a mapping, a value that is not a list, a non-empty flow list).
 */
export function appendToList(file: YamlFile, key: string, item: unknown, options: AppendOptions = {}): FileAppend | null {
  const itemYaml = (indent: number) => indented(new Document([item]).toString(), indent);
  if (file.text === null) {
    const start = { line: 0, character: 0 };
    const newText = `${options.header ?? ''}${siblingsYaml(options.siblings, () => false)}${key}:\n${itemYaml(2)}`;
    return { uri: file.uri, create: true, edit: { range: { start, end: start }, newText } };
  }
  const text = file.text;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const change = (start: number, end: number, newText: string): FileAppend => ({
    uri: file.uri, create: false, edit: { range: lines.range(start, end), newText: newText.replace(/\n/g, eol) },
  });
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null) || (isMap(root) && !root.has(key))) {
    const head = text.length > 0 && !/[\r\n]$/.test(text) ? '\n' : '';
    const has = (k: string) => isMap(root) && root.has(k);
    return change(text.length, text.length, `${head}${siblingsYaml(options.siblings, has)}${key}:\n${itemYaml(2)}`);
  }
  if (!isMap(root)) return null;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  const keyStart = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (pair === undefined || keyStart === undefined) return null;
  const keyIndent = keyStart - lines.lineStarts[lines.positionAt(keyStart).line];
  const blockList = () => '\n' + itemYaml(keyIndent + 2).replace(/\n$/, '');
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    // `key:` with nothing after it: the list starts on the next line.
    const lineEnd = lines.lineEnd(lines.positionAt(keyStart).line);
    return change(lineEnd, lineEnd, blockList());
  }
  if (!isSeq(value) || !value.range) return null;
  if (value.flow) {
    if (value.items.length > 0) return null;
    // `key: []`: the empty flow list, from just after the colon, becomes a block list.
    return change(text.lastIndexOf(':', value.range[0]) + 1, value.range[1], blockList());
  }
  const start = value.range[0];
  const indent = start - lines.lineStarts[lines.positionAt(start).line];
  const end = value.range[1];
  const head = /[\r\n]/.test(text.charAt(end - 1)) ? '' : '\n';
  return change(end, end, head + itemYaml(indent));
}

/**
 * The WorkspaceEdit of one or more appends: plain `changes` when every file exists, else `documentChanges`
 * that create the missing files first.
 */
export function appendEdit(appends: readonly FileAppend[]): WorkspaceEdit {
  if (appends.every((a) => !a.create)) {
    const changes: Record<string, TextEdit[]> = {};
    for (const a of appends) (changes[a.uri] ??= []).push(a.edit);
    return { changes };
  }
  return {
    documentChanges: appends.flatMap((a) => [
      ...(a.create ? [{ kind: 'create' as const, uri: a.uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri: a.uri, version: null }, edits: [a.edit] },
    ]),
  };
}

function siblingsYaml(siblings: Record<string, unknown> | undefined, present: (key: string) => boolean): string {
  const missing = Object.entries(siblings ?? {}).filter(([key]) => !present(key));
  return missing.length === 0 ? '' : new Document(Object.fromEntries(missing)).toString();
}

/** YAML lines indented by `indent` columns, each ending in a newline. */
function indented(yaml: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return yaml.split('\n').filter((line) => line !== '').map((line) => pad + line + '\n').join('');
}
