import bundledCatalog from '../../../data/catalogs/security-council.catalog.json';
import type { LineIndex } from '../text';
import { bundledEntries, CatalogStore, parseCatalog } from './catalog';
import { recogniseReferences } from './recognise';
import { resolveReference, type CatalogLookup } from './resolve';
import type { Reference } from './types';

export type { Reference, RecognisedReference, ReferenceStatus, ReferenceKind, Body, Pinpoint } from './types';

/** Where bundled entries say they come from (hovers show "bundled catalog"). */
export const BUNDLED_CATALOG_URI = 'policy-annotator:/catalogs/security-council.catalog.json';

/**
 * A catalog store holding the bundled catalog; workspace catalogs are added with `setSources`/`update`. Given
 * the bundled file itself (`uri`, `text`), entries carry their exact ranges there, for go to definition.
 */
export function createCatalogStore(bundledFile?: { uri: string; text: string }): CatalogStore {
  if (bundledFile !== undefined) {
    const parsed = parseCatalog(bundledFile.text, bundledFile.uri);
    if (parsed.entries !== null) return new CatalogStore(parsed.entries);
  }
  return new CatalogStore(bundledEntries(bundledCatalog, BUNDLED_CATALOG_URI));
}

/** Recognises and resolves every reference in `lines.text` from `from` (the body start, after front matter). */
export function findReferences(lines: LineIndex, catalog: CatalogLookup, from = 0): Reference[] {
  return recogniseReferences(lines, from).map((ref) => resolveReference(ref, catalog));
}
