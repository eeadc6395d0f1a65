import type { CancellationToken } from 'vscode-languageserver-protocol';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Codebook } from '../core/coding/codebook';
import type { YamlBlock } from '../core/coding/yamlText';
import type { Statement } from '../core/model';
import { LineIndex } from '../core/text';
import { codeCard } from './codingHover';

const WORD = /[\p{L}\p{N}_.\-/]*$/u;
const FLOW_CODES = /^\s*(?:-\s+)?codes:\s*\[([^\]]*)$/;
const BLOCK_ITEM = /^(\s*)-\s*[\p{L}\p{N}_.\-/]*$/u;
const PARAGRAPH = /^(\s*(?:-\s+)?paragraph:\s*)("?)[^"]*$/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** True when `line` lies inside the top-level `codings:` block of the YAML. */
function inCodings(block: YamlBlock, line: number): boolean {
  const first = block.lines.positionAt(block.start).line;
  for (let l = line; l >= first; l--) {
    const text = block.lines.lineText(l);
    if (/^[^\s#-][^:]*:/.test(text)) return /^codings\s*:/.test(text);
  }
  return false;
}

/** The key owning a block list item: the nearest line above with less indentation. */
function ownerKey(block: YamlBlock, line: number, indent: number): string | null {
  const first = block.lines.positionAt(block.start).line;
  for (let l = line - 1; l >= first; l--) {
    const text = block.lines.lineText(l);
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    if (indentOf(text) < indent || (indentOf(text) === indent && !text.trimStart().startsWith('-'))) {
      return /^\s*(?:-\s+)?([\w.-]+)\s*:\s*$/.exec(text)?.[1] ?? null;
    }
  }
  return null;
}

/**
 * Completion inside a `codings` block: code ids in `codes: [..]` or `codes:` block lists (codable codes, with
 * their card as documentation, skipping ids already listed), and paragraph paths after `paragraph:`.
 */
export function codingCompletion(block: YamlBlock, position: Position, codebook: Codebook | null, statement: Statement | null, token: CancellationToken): CompletionItem[] | null {
  const offset = block.lines.offsetAt(position);
  if (offset < block.start || offset > block.end || token.isCancellationRequested) return null;
  if (!inCodings(block, position.line)) return null;
  const before = block.lines.lineText(position.line).slice(0, position.character);
  const word = WORD.exec(before)![0];
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };

  const flow = FLOW_CODES.exec(before);
  const item = BLOCK_ITEM.exec(before);
  if (flow || (item && ownerKey(block, position.line, item[1].length) === 'codes')) {
    if (!codebook) return [];
    // Ids already in the list, except the one being typed (the whole line counts: items may follow the cursor).
    const line = block.lines.lineText(position.line);
    const rest = flow ? line.slice(position.character).split(/[,\]]/)[0] : '';
    const inside = flow ? /\[([^\]]*)/.exec(line)?.[1] ?? '' : '';
    const current = word + rest;
    const listed = new Set(inside.split(',').map((x) => x.trim()).filter((x) => x !== current.trim()));
    return [...codebook.codes.values()]
      .filter((c) => c.codable && !listed.has(c.id))
      .map((c, i) => ({
        label: c.id,
        kind: CompletionItemKind.EnumMember,
        detail: c.label,
        documentation: { kind: MarkupKind.Markdown, value: codeCard(codebook, c.id) },
        filterText: `${c.id} ${c.label}`,
        sortText: String(i).padStart(5, '0'),
        textEdit: { range, newText: c.id },
      }));
  }

  const paragraph = PARAGRAPH.exec(before);
  if (paragraph && statement) {
    const valueStart = { line: position.line, character: paragraph[1].length };
    return statement.paragraphs.map((p, i) => ({
      label: p.path,
      kind: CompletionItemKind.Reference,
      detail: p.excerpt,
      sortText: String(i).padStart(6, '0'),
      filterText: paragraph[2] + p.path,
      textEdit: { range: { start: valueStart, end: position }, newText: JSON.stringify(p.path) },
    }));
  }
  return null;
}

/** Completion in the statement's own front matter. */
export function frontMatterCodingCompletion(doc: DocumentAnalysis, position: Position, token: CancellationToken): CompletionItem[] | null {
  const fm = doc.statement.frontMatter;
  if (!fm) return null;
  const block: YamlBlock = { uri: doc.statement.uri, hostText: doc.statement.text, lines: doc.statement.lines, start: fm.contentStart, end: fm.contentEnd };
  return codingCompletion(block, position, doc.codings.codebook, doc.statement, token);
}

/** Completion in a sidecar file, whose statement analysis gives the codebook and paragraphs. */
export function sidecarCodingCompletion(uri: string, text: string, statementDoc: DocumentAnalysis | null, codebook: Codebook | null, position: Position, token: CancellationToken): CompletionItem[] | null {
  const block: YamlBlock = { uri, hostText: text, lines: new LineIndex(text), start: 0, end: text.length };
  return codingCompletion(block, position, statementDoc?.codings.codebook ?? codebook, statementDoc?.statement ?? null, token);
}
