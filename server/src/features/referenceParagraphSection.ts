import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph } from '../core/model';
import { symbolKey } from '../core/references/catalog';
import { escapeMarkdown } from './markdown';

/** The paragraph card's line on references: the documents the paragraph's own text cites. */
export function referencesSection(doc: DocumentAnalysis, p: Paragraph): string | null {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const r of doc.references.items) {
    if (r.start < p.start || r.start >= p.end) continue;
    const key = symbolKey(r.symbol);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(escapeMarkdown(r.symbol));
  }
  if (names.length === 0) return null;
  return `References: ${names.join(', ')}`;
}
