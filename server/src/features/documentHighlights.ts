import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { entityHighlights } from './entityNavigation';
import { referenceHighlights } from './referenceLocations';

/** Highlights in the document: other citations of the same document, else other mentions of the same entity. */
export function documentHighlights(doc: DocumentAnalysis, position: Position, token: CancellationToken): DocumentHighlight[] | null {
  return referenceHighlights(doc, position, token) ?? entityHighlights(doc, position, token);
}
