import type { Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Reference } from '../core/references';
import { itemAt } from '../core/text';

/** The reference under the cursor, if any. */
export function referenceAt(doc: DocumentAnalysis, position: Position): Reference | undefined {
  return itemAt(doc.references.items, position);
}
