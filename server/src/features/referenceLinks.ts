import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { entryOf } from '../core/references/documentReferences';
import { referenceLink } from './referenceHover';

/** A link to the official document on every reference that exists. */
export function referenceLinks(doc: DocumentAnalysis, token: CancellationToken): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const ref of doc.references.items) {
    if (token.isCancellationRequested) return [];
    if (ref.status === 'nonexistent') continue;
    links.push({ range: ref.range, target: referenceLink(entryOf(ref, doc.references.context), ref), tooltip: `Open ${ref.symbol}` });
  }
  return links;
}
