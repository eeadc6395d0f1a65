import { Document, isAlias, isNode, parseDocument, type Node } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../text';

/**
 * A YAML block inside a host file: a whole codebook or sidecar (`start` 0), or the front matter of a statement.
 * Node offsets from the `yaml` package are relative to the block; `start` turns them into host offsets.
 */
export interface YamlBlock {
  uri: string;
  /** The whole host file text. */
  hostText: string;
  lines: LineIndex;
  start: number;
  end: number;
}

/** Alias expansions allowed while walking one document: bounds YAML alias bombs. */
export const MAX_ALIASES = 100;
/** YAML blocks larger than this are not parsed (a codebook or coding block is far smaller). */
export const MAX_YAML_CHARS = 5_000_000;

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export function blockText(block: YamlBlock): string {
  return block.hostText.slice(block.start, block.end);
}

export function parseBlock(block: YamlBlock): Document.Parsed {
  return parseDocument(blockText(block), { prettyErrors: false, uniqueKeys: true });
}

/** Host range of a node's value (without trailing comment or line break). */
export function nodeRange(block: YamlBlock, node: Node | null | undefined): Range {
  const r = node?.range;
  if (!r) return block.lines.range(block.start, block.start);
  return block.lines.range(block.start + r[0], block.start + r[1]);
}

export function offsetRange(block: YamlBlock, from: number, to: number): Range {
  return block.lines.range(block.start + from, block.start + to);
}

/**
 * Follows aliases to the node they name, counting expansions in `budget` so that alias bombs stay bounded.
 * Returns null when the budget is spent or the anchor is unknown.
 */
export function resolveNode(doc: Document, node: unknown, budget: { aliases: number }): Node | null {
  if (!isNode(node)) return null;
  if (!isAlias(node)) return node;
  if (budget.aliases <= 0) return null;
  budget.aliases--;
  const target = node.resolve(doc);
  return target && !isAlias(target) ? (target as Node) : null;
}

/** The host file's line break, so that edits keep CRLF files CRLF. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n?|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i];
}

/** Serialises an edited document the way every coding edit writes YAML: no folding, `[A, B]` flow lists. */
export function stringifyYaml(doc: Document, eol: string): string {
  const out = doc.toString(STRINGIFY);
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

/**
 * The smallest single edit turning the block's text into `next`: unchanged lines around the change keep their
 * exact bytes, so comments and formatting the serializer would touch elsewhere stay as the user wrote them.
 */
export function minimalEdit(block: YamlBlock, next: string): TextEdit | null {
  const old = blockText(block);
  // A non-empty block that did not end with a line break (cut before its newline) must not gain one.
  if (old !== '' && !/[\r\n]$/.test(old) && /\r?\n$|\r$/.test(next)) next = next.replace(/(\r\n|\r|\n)$/, '');
  if (old === next) return null;
  let p = 0;
  const max = Math.min(old.length, next.length);
  while (p < max && old.charCodeAt(p) === next.charCodeAt(p)) p++;
  // Start at a line boundary so the edit reads as whole-line changes.
  while (p > 0 && old[p - 1] !== '\n' && old[p - 1] !== '\r') p--;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) s++;
  return {
    range: offsetRange(block, p, old.length - s),
    newText: next.slice(p, next.length - s),
  };
}
