import type { CancellationToken } from 'vscode-languageserver-protocol';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { codeTitle, type Code, type Codebook } from '../core/coding/codebook';
import type { Codings } from '../core/coding/codings';
import type { Paragraph } from '../core/model';
import { containsPosition } from '../core/text';
import { escapeMarkdown } from './markdown';

/** Paragraph card section: the paragraph's codes with their descriptions, and its memos. */
export function codesSection(doc: DocumentAnalysis, p: Paragraph): string | null {
  const pc = doc.codings.byParagraph.get(p.index);
  if (!pc) return null;
  const lines = pc.codes.map((id) => {
    const code = doc.codings.codebook?.codes.get(id);
    const label = code && code.label !== id ? ` ${escapeMarkdown(code.label)}` : '';
    const description = code?.description ? ` — ${escapeMarkdown(code.description)}` : '';
    return `- **${escapeMarkdown(id)}**${label}${description}`;
  });
  const head = pc.codes.length > 0 ? ['Codes:', ...lines] : [];
  const memos = pc.memos.map((m) => `*Memo:* ${escapeMarkdown(m)}`);
  return [...head, ...memos].join('\n');
}

/** The card of one code: label, path in the hierarchy, definition, when (not) to use, example. */
export function codeCard(codebook: Codebook | null, id: string): string {
  const code: Code | undefined = codebook?.codes.get(id);
  if (!code) return `**${escapeMarkdown(id)}** — not in the codebook`;
  const lines = [`**${escapeMarkdown(code.id)}** ${escapeMarkdown(code.label)}${code.codable ? '' : ' (category)'}`];
  if (code.parent) lines.push('', `Under ${escapeMarkdown(codeTitle(codebook!, code.parent))}`);
  if (code.description) lines.push('', escapeMarkdown(code.description));
  if (code.include) lines.push('', `*Use when:* ${escapeMarkdown(code.include)}`);
  if (code.exclude) lines.push('', `*Not when:* ${escapeMarkdown(code.exclude)}`);
  if (code.example) lines.push('', `*Example:* ${escapeMarkdown(code.example)}`);
  return lines.join('\n');
}

/** The code id under the cursor in a `codings` block, if any. */
export function codeRefAt(codings: Codings, position: Position): { id: string; range: Hover['range'] } | null {
  for (const entry of codings.entries) {
    if (!containsPosition(entry.range, position)) continue;
    const ref = entry.codes.find((c) => containsPosition(c.range, position));
    if (ref) return { id: ref.id, range: ref.range };
  }
  return null;
}

/** Hover on a code id inside the statement's front matter codings (sidecars use `codeHoverIn`). */
export function codeIdHover(doc: DocumentAnalysis, position: Position, token: CancellationToken): Hover | null {
  if (token.isCancellationRequested || doc.codings.source?.block.uri !== doc.statement.uri) return null;
  return codeHoverIn(doc.codings, doc.codings.codebook, position);
}

export function codeHoverIn(codings: Codings, codebook: Codebook | null, position: Position): Hover | null {
  const ref = codeRefAt(codings, position);
  if (!ref) return null;
  return { contents: { kind: MarkupKind.Markdown, value: codeCard(codebook, ref.id) }, range: ref.range };
}
