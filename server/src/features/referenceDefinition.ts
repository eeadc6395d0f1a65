import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Location, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { entryOf } from '../core/references/documentReferences';
import { referenceAt } from './referenceAt';

/**
 * Go to definition on a reference: the workspace file that is the cited document (front matter `symbol:`),
 * at the cited paragraph when there is a pinpoint; else the catalog entry.
 */
export function referenceDefinition(doc: DocumentAnalysis, position: Position, token: CancellationToken): Location | null {
  const ref = referenceAt(doc, position);
  if (ref === undefined || token.isCancellationRequested) return null;
  const { index } = doc.references.context;
  const file = index?.fileFor(ref.symbol);
  if (file !== undefined) {
    const paragraph = ref.pinpoint ? file.paragraphs.get(ref.pinpoint.path) : undefined;
    return { uri: file.uri, range: paragraph ?? file.range };
  }
  const entry = entryOf(ref, doc.references.context);
  if (entry?.source.range) return { uri: entry.source.uri, range: entry.source.range };
  return null;
}
