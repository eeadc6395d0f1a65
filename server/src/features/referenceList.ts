import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph } from '../core/model';
import { entryOf } from '../core/references/documentReferences';
import type { ReferenceKind, ReferenceStatus } from '../core/references';
import type { ReferenceListItem } from './referenceProtocol';

export { REFERENCES_REQUEST, type ReferencesParams, type ReferenceListItem } from './referenceProtocol';

/** The references of one statement in document order, as the client shows them. */
export function referenceList(doc: DocumentAnalysis, token: CancellationToken): ReferenceListItem[] {
  const out: ReferenceListItem[] = [];
  const paragraphs = doc.statement.paragraphs;
  let p = 0;
  for (const ref of doc.references.items) {
    if (token.isCancellationRequested) return [];
    while (p < paragraphs.length && paragraphs[p].end < ref.start) p++;
    const holder: Paragraph | undefined = paragraphs[p] && paragraphs[p].start <= ref.start ? paragraphs[p] : undefined;
    out.push({
      symbol: ref.symbol,
      text: ref.text.replace(/\s+/g, ' '),
      range: ref.range,
      kind: ref.kind,
      status: ref.status,
      title: entryOf(ref, doc.references.context)?.title ?? null,
      paragraph: holder?.path ?? null,
      approximate: ref.approximate,
    });
  }
  return out;
}

/** The `references` of the versioned `export --format json` document (docs/EXPORT.md). */
export function exportReferences(doc: DocumentAnalysis): {
  text: string; range: Range; kind: ReferenceKind; body: string | null; symbol: string; number: string | null;
  session?: string; year: string | null; pinpoint: string | null; status: ReferenceStatus;
}[] {
  return doc.references.items.map((r) => ({
    text: r.text, range: r.range, kind: r.kind, body: r.body, symbol: r.symbol, number: r.number,
    ...(r.session !== undefined ? { session: r.session } : {}), year: r.year, pinpoint: r.pinpoint?.path ?? null, status: r.status,
  }));
}
