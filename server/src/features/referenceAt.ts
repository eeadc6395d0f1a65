import type { Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Reference } from '../core/references';
import { containsPosition } from '../core/text';

/** The reference under the cursor, if any (binary search: references are in document order). */
export function referenceAt(doc: DocumentAnalysis, position: Position): Reference | undefined {
  const items = doc.references.items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid].range;
    if (r.end.line < position.line || (r.end.line === position.line && r.end.character < position.character)) lo = mid + 1;
    else if (r.start.line > position.line || (r.start.line === position.line && r.start.character > position.character)) hi = mid - 1;
    else return containsPosition(r, position) ? items[mid] : undefined;
  }
  return undefined;
}
