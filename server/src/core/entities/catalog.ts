import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Problem } from '../model';
import { LineIndex } from '../text';
import { ENTITY_TYPES, UN_LANGUAGES, type Entity, type EntityRole, type EntityType, type UnLanguage } from './types';

/** Catalog files larger than this are refused (one diagnostic) rather than parsed. */
export const MAX_CATALOG_SIZE = 10 * 1024 * 1024;
/** Bound on YAML alias expansion, against "billion laughs" files. */
export const MAX_ALIAS_COUNT = 200;

export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ENTRY_KEYS = new Set(['id', 'type', 'name', 'category', 'aliases', 'acronyms', 'demonyms', 'names', 'ambiguous', 'description', 'links', 'parent', 'roles']);
const ROLE_KEYS = new Set(['title', 'role', 'of', 'from', 'to']);

export interface EntityCatalogResult {
  /** The valid entries, in file order; an invalid entry is left out, the others kept. */
  entities: Entity[];
  /** Problems at the exact lines of the catalog file (codes `catalog-invalid`, `catalog-unknown-key`, `catalog-yaml-error`, `catalog-too-large`, as for the reference catalog). */
  problems: Problem[];
  /** False when the file has no `entities:` section (it may hold only document references). */
  hasEntities: boolean;
}

/** True for absolute http: and https: URLs, the only links a catalog may carry into a hover. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads the `entities:` section of a catalog YAML file. Never throws: every problem becomes a
 * `Problem` at the line of the offending node, and bad entries are skipped.
 */
export function parseEntityCatalog(text: string, uri: string): EntityCatalogResult {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const report = (start: number, end: number, message: string, code: CatalogCode = 'catalog-invalid') =>
    problems.push({ range: lines.range(start, end), severity: code === 'catalog-unknown-key' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, code, message });
  const at: At = (node, message, code) => {
    const [s, e] = node?.range ?? [0, 0];
    report(s, e, message, code);
  };

  if (text.length > MAX_CATALOG_SIZE) {
    report(0, 0, `catalog file is larger than ${MAX_CATALOG_SIZE / 1024 / 1024} MB; not read`, 'catalog-too-large');
    return { entities: [], problems, hasEntities: false };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) report(err.pos[0], err.pos[1], firstLine(err.message), 'catalog-yaml-error');
  if (doc.errors.length) return { entities: [], problems, hasEntities: false };
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    report(0, 0, `Catalog not read: ${firstLine((e as Error).message)}`, 'catalog-yaml-error');
    return { entities: [], problems, hasEntities: false };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entities: [], problems, hasEntities: false };
  if (!isMap(root)) {
    at(root, 'a catalog file must be a mapping with an `entities:` list');
    return { entities: [], problems, hasEntities: false };
  }
  const section = root.items.find((p) => isScalar(p.key) && p.key.value === 'entities');
  if (!section) return { entities: [], problems, hasEntities: false };
  const list = resolve(doc, section.value as Node | null);
  if (list === null || (isScalar(list) && list.value === null)) return { entities: [], problems, hasEntities: true };
  if (!isSeq(list)) {
    at((list ?? section.key) as Node, '`entities` must be a list of entries');
    return { entities: [], problems, hasEntities: true };
  }

  const entities: Entity[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    const node = resolve(doc, item as Node);
    const entity = readEntry(doc, node, at, lines, uri);
    if (!entity) continue;
    if (seen.has(entity.id)) {
      const idNode = isMap(node) ? valueNode(doc, node, 'id') : node;
      at(idNode, `duplicate entity id '${entity.id}' (first defined on line ${seen.get(entity.id)! + 1})`);
      continue;
    }
    seen.set(entity.id, entity.source!.line);
    entities.push(entity);
  }
  return { entities, problems, hasEntities: true };
}

/** The codes of catalog problems, shared with the reference catalog's loader; unknown keys are warnings. */
type CatalogCode = 'catalog-invalid' | 'catalog-unknown-key' | 'catalog-yaml-error' | 'catalog-too-large';
type At = (node: Node | null | undefined, message: string, code?: CatalogCode) => void;

function readEntry(doc: Document, node: Node | null, at: At, lines: LineIndex, uri: string): Entity | null {
  if (!isMap(node)) {
    at(node, 'an entity entry must be a mapping with id, type and name');
    return null;
  }
  let ok = true;
  const fail = (n: Node | null | undefined, message: string) => {
    at(n ?? node, message);
    ok = false;
  };
  for (const pair of node.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ENTRY_KEYS.has(key)) at(pair.key, `unknown key '${key}' in entity entry`, 'catalog-unknown-key');
  }
  const id = readString(doc, node, 'id', true, fail);
  if (id !== undefined && !ENTITY_ID.test(id)) fail(valueNode(doc, node, 'id'), `entity id '${id}' must be letters, digits, '.', '_', ':' or '-'`);
  const type = readString(doc, node, 'type', true, fail);
  if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
    fail(valueNode(doc, node, 'type'), `entity type '${type}' is not one of ${ENTITY_TYPES.join(', ')}`);
  }
  const name = readString(doc, node, 'name', true, fail);
  const links = readStrings(doc, node, 'links', fail);
  const linksNode = valueNode(doc, node, 'links');
  links.forEach((link, i) => {
    if (!isWebLink(link)) fail(isSeq(linksNode) ? (linksNode.items[i] as Node) : linksNode, `link '${link}' must be an http:// or https:// URL`);
  });
  const names: Partial<Record<UnLanguage, string[]>> = {};
  const namesNode = valueNode(doc, node, 'names');
  if (namesNode && !(isScalar(namesNode) && namesNode.value === null)) {
    if (!isMap(namesNode)) fail(namesNode, '`names` must map a UN language code (ar, zh, fr, ru, es) to names');
    else {
      for (const pair of namesNode.items as Pair<Node, Node>[]) {
        const lang = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!(UN_LANGUAGES as readonly string[]).includes(lang)) {
          fail(pair.key, `'${lang}' is not one of the UN languages ${UN_LANGUAGES.join(', ')} (English goes in name and aliases)`);
          continue;
        }
        const values = stringList(doc, pair.value, `names.${lang}`, fail);
        if (values.length) names[lang as UnLanguage] = values;
      }
    }
  }
  const roles: EntityRole[] = [];
  const rolesNode = valueNode(doc, node, 'roles');
  if (rolesNode && !(isScalar(rolesNode) && rolesNode.value === null)) {
    if (!isSeq(rolesNode)) fail(rolesNode, '`roles` must be a list of {title, role, of, from, to}');
    else {
      for (const item of rolesNode.items) {
        const r = resolve(doc, item as Node);
        if (!isMap(r)) {
          fail(r, 'a role must be a mapping with at least a title');
          continue;
        }
        for (const pair of r.items as Pair<Node, Node>[]) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          if (!ROLE_KEYS.has(key)) at(pair.key, `unknown key '${key}' in role`, 'catalog-unknown-key');
        }
        const title = readString(doc, r, 'title', true, fail);
        const role: EntityRole = { title: title ?? '' };
        for (const k of ['role', 'of'] as const) {
          const v = readString(doc, r, k, false, fail);
          if (v !== undefined) role[k] = v;
        }
        for (const k of ['from', 'to'] as const) {
          const v = readString(doc, r, k, false, fail);
          if (v === undefined) continue;
          if (!DATE.test(v)) fail(valueNode(doc, r, k), `'${k}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '${v}'`);
          else role[k] = v;
        }
        if (title !== undefined) roles.push(role);
      }
    }
  }
  const entity: Entity = {
    id: id ?? '',
    type: (type ?? 'concept') as EntityType,
    name: name ?? '',
    aliases: readStrings(doc, node, 'aliases', fail),
    acronyms: readStrings(doc, node, 'acronyms', fail),
    demonyms: readStrings(doc, node, 'demonyms', fail),
    names,
    ambiguous: readStrings(doc, node, 'ambiguous', fail),
    links,
    roles,
    source: { uri, line: lines.positionAt((valueNode(doc, node, 'id') ?? node).range?.[0] ?? 0).line },
  };
  for (const k of ['category', 'description', 'parent'] as const) {
    const v = readString(doc, node, k, false, fail);
    if (v !== undefined) entity[k] = v;
  }
  return ok ? entity : null;
}

function resolve(doc: Document, node: Node | null | undefined): Node | null {
  if (!node) return null;
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
}

function valueNode(doc: Document, map: Node, key: string): Node | null {
  if (!isMap(map)) return null;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? resolve(doc, pair.value as Node | null) : null;
}

function readString(doc: Document, map: Node, key: string, required: boolean, fail: (n: Node | null | undefined, m: string) => void): string | undefined {
  const node = valueNode(doc, map, key);
  if (!node || (isScalar(node) && node.value === null)) {
    if (required) fail(map, `entity entry needs '${key}'`);
    return undefined;
  }
  if (!isScalar(node) || typeof node.value === 'object' || typeof node.value === 'boolean') {
    fail(node, `'${key}' must be a text`);
    return undefined;
  }
  const value = String(node.value).trim();
  if (required && !value) fail(node, `'${key}' must not be empty`);
  return value || undefined;
}

function readStrings(doc: Document, map: Node, key: string, fail: (n: Node | null | undefined, m: string) => void): string[] {
  return stringList(doc, valueNode(doc, map, key), key, fail);
}

function stringList(doc: Document, raw: Node | null | undefined, key: string, fail: (n: Node | null | undefined, m: string) => void): string[] {
  const node = resolve(doc, raw);
  if (!node || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node) && typeof node.value === 'string') return node.value.trim() ? [node.value.trim()] : [];
  if (!isSeq(node)) {
    fail(node, `'${key}' must be a list of texts`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const n = resolve(doc, item as Node);
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') && String(n.value).trim()) out.push(String(n.value).trim());
    else fail(n, `each of '${key}' must be a non-empty text`);
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
