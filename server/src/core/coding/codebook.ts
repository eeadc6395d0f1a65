import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { DiagnosticSeverity, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParagraphKind, Problem } from '../model';
import { LineIndex } from '../text';
import { closest } from './fuzzy';
import { eolOf, MAX_ALIASES, MAX_YAML_CHARS, minimalEdit, nodeRange, offsetRange, parseBlock, resolveNode, stringifyYaml, type YamlBlock } from './yamlText';

/** Rules that propose a code for a paragraph; any one matching rule proposes it. */
export interface SuggestRules {
  /** Entity names or ids the paragraph mentions (matched case-insensitively). */
  entities: string[];
  /** Referenced UN documents, by canonical symbol ("S/RES/2178 (2014)") or prefix ("S/RES/"). */
  documents: string[];
  kinds: ParagraphKind[];
  /** Words or phrases, matched case-insensitively at word boundaries. */
  keywords: string[];
}

export interface Code {
  id: string;
  label: string;
  description: string | null;
  include: string | null;
  exclude: string | null;
  example: string | null;
  /** Normalised to `#RRGGBB` (upper case); null when absent or invalid. */
  color: string | null;
  /** False for categories that only group other codes. */
  codable: boolean;
  parent: string | null;
  children: string[];
  depth: number;
  suggest: SuggestRules | null;
  /** Range of the id in the codebook file. */
  idRange: Range;
}

export interface Codebook {
  uri: string;
  title: string | null;
  /** Every code by id, in document order (depth first). */
  codes: Map<string, Code>;
  roots: string[];
  problems: Problem[];
  block: YamlBlock;
}

export const PARAGRAPH_KINDS: readonly ParagraphKind[] = ['operative', 'preambular', 'numbered', 'unnumbered', 'subparagraph'];
const TOP_KEYS = ['title', 'description', 'version', 'codes'];
const CODE_KEYS = ['id', 'label', 'description', 'include', 'exclude', 'example', 'color', 'codable', 'children', 'suggest'];
const SUGGEST_KEYS = ['entities', 'documents', 'kinds', 'keywords'] as const;
const TEXT_KEYS = ['label', 'description', 'include', 'exclude', 'example'] as const;
/** Code ids appear unquoted in `codes: [A, B]` lists, so they avoid YAML indicators and spaces. */
export const CODE_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-/]*$/u;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const MAX_DEPTH = 32;

export function normalizeColor(color: string): string {
  const hex = color.slice(1).toUpperCase();
  return '#' + (hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex);
}

/** Text of a scalar as written (`1.10` stays "1.10"), or null for non-scalars and null. */
function scalarText(node: unknown): string | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

class CodebookReader {
  readonly problems: Problem[] = [];
  readonly codes = new Map<string, Code>();
  readonly roots: string[] = [];
  private readonly budget = { aliases: MAX_ALIASES };
  private readonly ancestors = new Set<Node>();

  constructor(
    private readonly uri: string,
    private readonly doc: Document,
    private readonly block: YamlBlock,
  ) {}

  problem(range: Range, code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error, fixes?: Problem['fixes']): void {
    this.problems.push({ range, severity, code, message, ...(fixes ? { fixes } : {}) });
  }

  /** Warns about a key this format does not know, offering the known key it most resembles. */
  checkKeys(map: YAMLMap, known: readonly string[], where: string): void {
    for (const pair of map.items) {
      const key = scalarText(pair.key);
      if (key !== null && known.includes(key)) continue;
      const range = nodeRange(this.block, pair.key as Node);
      const guess = key === null ? null : closest(key, known);
      const fixes = guess
        ? [{ title: `Change to '${guess}'`, isPreferred: true, edit: { changes: { [this.uri]: [{ range, newText: guess }] } } }]
        : undefined;
      this.problem(range, 'codebook-unknown-key', `Unknown key '${key ?? '?'}' in ${where}${guess ? ` (did you mean '${guess}'?)` : ''}`, DiagnosticSeverity.Warning, fixes);
    }
  }

  readTop(): string | null {
    const top = this.doc.contents;
    if (top === null) {
      this.problem(offsetRange(this.block, 0, 0), 'codebook-invalid', 'The codebook is empty: expected a `codes:` list');
      return null;
    }
    if (!isMap(top)) {
      this.problem(nodeRange(this.block, top), 'codebook-invalid', 'The codebook must be a mapping with a `codes:` list');
      return null;
    }
    this.checkKeys(top, TOP_KEYS, 'the codebook');
    const codes = top.get('codes', true);
    if (codes === undefined) this.problem(offsetRange(this.block, 0, 0), 'codebook-invalid', 'The codebook has no `codes:` list');
    else this.readCodeList(codes, null, 0);
    return scalarText(top.get('title', true));
  }

  readCodeList(node: unknown, parent: Code | null, depth: number): void {
    const list = resolveNode(this.doc, node, this.budget);
    if (!isSeq(list)) {
      this.problem(nodeRange(this.block, node as Node), 'codebook-invalid', parent ? `\`children\` of '${parent.id}' must be a list of codes` : '`codes` must be a list of codes');
      return;
    }
    if (depth > MAX_DEPTH) {
      this.problem(nodeRange(this.block, list), 'codebook-invalid', `Codes nest deeper than ${MAX_DEPTH} levels`);
      return;
    }
    for (const item of list.items) {
      const site = item as Node;
      const target = resolveNode(this.doc, item, this.budget);
      if (target === null) {
        this.problem(nodeRange(this.block, site), 'codebook-invalid', `Alias not expanded: more than ${MAX_ALIASES} aliases, or an unknown anchor`);
        continue;
      }
      if (this.ancestors.has(target)) {
        this.problem(nodeRange(this.block, site), 'codebook-cycle', `Code hierarchy cycle: '${(isMap(target) && scalarText(target.get('id', true))) || '?'}' contains itself`);
        continue;
      }
      if (!isMap(target)) {
        this.problem(nodeRange(this.block, site), 'codebook-invalid', 'A code must be a mapping with at least an `id`');
        continue;
      }
      // Problems inside an aliased code are reported where the alias repeats it.
      const at = target === site ? null : nodeRange(this.block, site);
      this.ancestors.add(target);
      this.readCode(target, at, parent, depth);
      this.ancestors.delete(target);
    }
  }

  readCode(map: YAMLMap, aliasRange: Range | null, parent: Code | null, depth: number): void {
    const here = (node: unknown): Range => aliasRange ?? nodeRange(this.block, node as Node);
    if (!aliasRange) this.checkKeys(map, CODE_KEYS, 'a code');
    const idNode = map.get('id', true);
    const id = scalarText(idNode);
    if (id === null) {
      this.problem(here(map.items[0]?.key ?? map), 'codebook-missing-id', 'This code has no `id`');
      return;
    }
    if (!CODE_ID.test(id)) {
      this.problem(here(idNode), 'codebook-bad-id', `Code id '${id}' must start with a letter, digit or _ and hold only letters, digits, '_', '.', '-' or '/'`);
    }
    const earlier = this.codes.get(id);
    if (earlier) {
      this.problem(here(idNode), 'codebook-duplicate-id', `Duplicate code id '${id}' (first defined on line ${earlier.idRange.start.line + 1})`);
      return;
    }
    const text = (key: (typeof TEXT_KEYS)[number]): string | null => {
      const node = map.get(key, true);
      if (node === undefined || node === null || (isScalar(node) && node.value === null)) return null;
      const value = scalarText(node);
      if (value === null) this.problem(here(node), 'codebook-invalid', `\`${key}\` of '${id}' must be text`);
      return value;
    };
    const code: Code = {
      id,
      label: text('label') ?? id,
      description: text('description'),
      include: text('include'),
      exclude: text('exclude'),
      example: text('example'),
      color: this.readColor(map, id, aliasRange),
      codable: this.readCodable(map, id, here),
      parent: parent?.id ?? null,
      children: [],
      depth,
      suggest: this.readSuggest(map.get('suggest', true), id, here),
      idRange: here(idNode),
    };
    this.codes.set(id, code);
    if (parent) parent.children.push(id);
    else this.roots.push(id);
    const children = map.get('children', true);
    if (children !== undefined && !(isScalar(children) && children.value === null)) this.readCodeList(children, code, depth + 1);
  }

  readCodable(map: YAMLMap, id: string, here: (n: unknown) => Range): boolean {
    const node = map.get('codable', true);
    if (node === undefined) return true;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(here(node), 'codebook-invalid', `\`codable\` of '${id}' must be true or false`);
    return true;
  }

  readColor(map: YAMLMap, id: string, aliasRange: Range | null): string | null {
    const pair = map.items.find((p: Pair) => scalarText(p.key) === 'color');
    if (!pair) return null;
    const value = scalarText(pair.value);
    if (value !== null && COLOR.test(value)) return normalizeColor(value);
    const keyRange = aliasRange ?? nodeRange(this.block, pair.key as Node);
    if (value === null) {
      // `color: #1f77b4` unquoted is a YAML comment, leaving the value empty: offer to quote it.
      const line = this.block.lines.lineText(keyRange.start.line);
      const m = /:\s*(#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?)\b/.exec(line);
      const fixes = m && !aliasRange
        ? [{
            title: `Quote the colour: "${m[1]}"`,
            isPreferred: true,
            edit: { changes: { [this.uri]: [{ range: { start: { line: keyRange.start.line, character: m.index + m[0].length - m[1].length }, end: { line: keyRange.start.line, character: m.index + m[0].length } }, newText: `"${m[1]}"` }] } },
          }]
        : undefined;
      this.problem(keyRange, 'codebook-bad-color', `Colour of '${id}' is empty${m ? ': quote it, an unquoted # starts a YAML comment' : ''}`, DiagnosticSeverity.Error, fixes);
      return null;
    }
    this.problem(aliasRange ?? nodeRange(this.block, pair.value as Node), 'codebook-bad-color', `Colour '${value}' of '${id}' is not a hex colour like "#1F77B4"`);
    return null;
  }

  readSuggest(node: unknown, id: string, here: (n: unknown) => Range): SuggestRules | null {
    if (node === undefined) return null;
    const map = resolveNode(this.doc, node, this.budget);
    if (!isMap(map)) {
      this.problem(here(node), 'codebook-invalid', `\`suggest\` of '${id}' must be a mapping of entities, documents, kinds or keywords`);
      return null;
    }
    this.checkKeys(map, SUGGEST_KEYS, '`suggest`');
    const rules: SuggestRules = { entities: [], documents: [], kinds: [], keywords: [] };
    for (const key of SUGGEST_KEYS) {
      const value = map.get(key, true);
      if (value === undefined) continue;
      const list = resolveNode(this.doc, value, this.budget);
      if (!isSeq(list)) {
        this.problem(here(value), 'codebook-invalid', `\`suggest.${key}\` of '${id}' must be a list`);
        continue;
      }
      for (const item of list.items) {
        const text = scalarText(item);
        if (text === null || text.trim() === '') {
          this.problem(here(item), 'codebook-invalid', `\`suggest.${key}\` of '${id}' must hold text`);
        } else if (key === 'kinds') {
          if ((PARAGRAPH_KINDS as readonly string[]).includes(text)) rules.kinds.push(text as ParagraphKind);
          else this.problem(here(item), 'codebook-invalid', `Unknown paragraph kind '${text}' (expected ${PARAGRAPH_KINDS.join(', ')})`);
        } else {
          rules[key].push(text);
        }
      }
    }
    return rules;
  }
}

/** Reads a codebook YAML file; never throws, every problem is reported at its line. */
export function parseCodebook(uri: string, text: string): Codebook {
  const lines = new LineIndex(text);
  const block: YamlBlock = { uri, hostText: text, lines, start: 0, end: text.length };
  const empty = (problems: Problem[]): Codebook => ({ uri, title: null, codes: new Map(), roots: [], problems, block });
  if (text.length > MAX_YAML_CHARS) {
    return empty([{ range: lines.range(0, 0), severity: DiagnosticSeverity.Error, code: 'codebook-invalid', message: `The codebook is larger than ${MAX_YAML_CHARS / 1e6} MB and was not read` }]);
  }
  const doc = parseBlock(block);
  const reader = new CodebookReader(uri, doc, block);
  for (const error of doc.errors) {
    reader.problem(offsetRange(block, error.pos[0], error.pos[1]), 'codebook-invalid', error.message.split('\n')[0]);
  }
  const title = reader.readTop();
  return { uri, title, codes: reader.codes, roots: reader.roots, problems: reader.problems, block };
}

/** "Counter-terrorism › Violent extremism": the label with its ancestors', for pickers and reports. */
export function codeTitle(codebook: Codebook, id: string): string {
  const parts: string[] = [];
  for (let code = codebook.codes.get(id); code; code = code.parent ? codebook.codes.get(code.parent) : undefined) {
    parts.unshift(code.label);
    if (parts.length > MAX_DEPTH) break;
  }
  return parts.join(' › ');
}

/** The mapping that defines `id` (aliases not followed: an aliased code is edited where it is defined). */
function findCodeMap(list: unknown, id: string, depth = 0): YAMLMap | null {
  if (!isSeq(list) || depth > MAX_DEPTH) return null;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    if (scalarText(item.get('id', true)) === id) return item;
    const found = findCodeMap(item.get('children', true), id, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Adds a code to the codebook file: under its parent when the id extends an existing one ("CT.EXT" under "CT"),
 * otherwise at the end of `codes`. Returns null when the codebook cannot be edited safely (YAML errors).
 */
export function addCodeEdit(codebook: Codebook, id: string): WorkspaceEdit | null {
  const doc = parseBlock(codebook.block);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return null;
  const entry = doc.createNode({ id, label: id }) as YAMLMap;
  const dot = id.lastIndexOf('.');
  const parent = dot > 0 ? findCodeMap(isMap(doc.contents) ? doc.contents.get('codes', true) : null, id.slice(0, dot)) : null;
  const holder = parent ?? (doc.contents as YAMLMap | null);
  const key = parent ? 'children' : 'codes';
  const list = holder?.get(key, true);
  if (isSeq(list)) list.items.push(entry);
  else if (holder && list !== undefined && !(isScalar(list) && list.value === null)) return null;
  else {
    const seq = new YAMLSeq(doc.schema);
    seq.items.push(entry);
    if (holder) holder.set(key, seq);
    else doc.contents = doc.createNode({ codes: seq }) as unknown as typeof doc.contents;
  }
  const edit = minimalEdit(codebook.block, stringifyYaml(doc, eolOf(codebook.block.hostText)));
  return edit ? { changes: { [codebook.uri]: [edit] } } : null;
}
