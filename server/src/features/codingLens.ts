import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { CodeLens } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { ClientCommands } from './codingProtocol';

/**
 * A lens above each coded paragraph listing its code labels ("Codes: Aid and funding · Violent extremism");
 * clicking it opens the tag picker for that paragraph.
 */
export function codingLenses(doc: DocumentAnalysis, token: CancellationToken): CodeLens[] {
  const { statement, codings } = doc;
  const lenses: CodeLens[] = [];
  for (const pc of codings.byParagraph.values()) {
    if (token.isCancellationRequested) return [];
    const p = statement.paragraphs[pc.paragraph];
    const labels = pc.codes.map((id) => codings.codebook?.codes.get(id)?.label ?? id);
    const memo = pc.memos.length > 0 ? ' ✎' : '';
    const title = labels.length > 0 ? `Codes: ${labels.join(' · ')}${memo}` : `Memo${memo}`;
    const line = p.range.start.line;
    lenses.push({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title, command: ClientCommands.tag, arguments: [statement.uri, pc.path] },
    });
  }
  return lenses;
}
