import type { DocumentAnalysis } from '../analysis';
import type { EntityAnalysis } from '../entities/analyzeEntities';
import type { Paragraph, Statement } from '../model';
import type { DocumentReferences } from '../references/documentReferences';
import type { ParagraphFacts } from './report';

/** Index of the paragraph whose own text [start, end) holds `offset`, by binary search; -1 when none. */
function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < paragraphs[mid].start) hi = mid - 1;
    else if (offset >= paragraphs[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * What the reference and entity analyses found in each paragraph: cited document symbols and catalogued entity
 * names. Entities are computed only when first asked for, as the analysis itself does.
 */
export function paragraphFacts(statement: Statement, references: DocumentReferences, entities: () => EntityAnalysis): ParagraphFacts {
  let byParagraph: Map<number, { references: string[]; entities: string[] }> | null = null;
  return (p: Paragraph) => {
    if (!byParagraph) {
      byParagraph = new Map();
      const paragraphs = statement.paragraphs;
      const slot = (offset: number) => {
        const i = paragraphAt(paragraphs, offset);
        if (i < 0) return null;
        let facts = byParagraph!.get(i);
        if (!facts) byParagraph!.set(i, (facts = { references: [], entities: [] }));
        return facts;
      };
      for (const r of references.items) {
        const facts = slot(r.start);
        if (facts && !facts.references.includes(r.symbol)) facts.references.push(r.symbol);
      }
      for (const m of entities().mentions) {
        const facts = slot(m.start);
        if (!facts) continue;
        if (!facts.entities.includes(m.name)) facts.entities.push(m.name);
      }
    }
    return byParagraph.get(p.index) ?? { references: [], entities: [] };
  };
}

/** The facts of an analysed document (its entities are computed on first use). */
export function factsOf(doc: DocumentAnalysis): ParagraphFacts {
  return paragraphFacts(doc.statement, doc.references, () => doc.entities);
}
