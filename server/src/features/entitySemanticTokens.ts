import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';

/**
 * Token types, one per entity type; package.json declares them (`semanticTokenTypes`) and maps them to
 * TextMate scopes (`semanticTokenScopes`) so that themes colour them without configuration.
 */
export const ENTITY_TOKEN_TYPES: Record<EntityType, string> = {
  person: 'entityPerson',
  organization: 'entityOrganization',
  location: 'entityLocation',
  event: 'entityEvent',
  document: 'entityDocument',
  role: 'entityRole',
  concept: 'entityConcept',
};
/** Modifiers: `state` for UN member and observer states, and how the mention names the entity. */
export const ENTITY_TOKEN_MODIFIERS = ['state', 'acronym', 'demonym', 'translation'] as const;

export const entityTokensLegend: SemanticTokensLegend = {
  tokenTypes: ENTITY_TYPES.map((t) => ENTITY_TOKEN_TYPES[t]),
  tokenModifiers: [...ENTITY_TOKEN_MODIFIERS],
};

/** One token per mention and line (a name broken across lines gives one token per line). */
export function entitySemanticTokens(doc: DocumentAnalysis, token: CancellationToken): SemanticTokens {
  const data: number[] = [];
  if (token.isCancellationRequested) return { data };
  const { lines } = doc.statement;
  let prevLine = 0;
  let prevChar = 0;
  for (const m of doc.entities.mentions) {
    const type = ENTITY_TYPES.indexOf(m.type);
    const category = doc.entities.index.byId.get(m.id)?.category;
    let modifiers = 0;
    if (category === 'member-state' || category === 'observer-state') modifiers |= 1 << 0;
    const kind = ENTITY_TOKEN_MODIFIERS.indexOf(m.mention as (typeof ENTITY_TOKEN_MODIFIERS)[number]);
    if (kind > 0) modifiers |= 1 << kind;
    for (let line = m.range.start.line; line <= m.range.end.line; line++) {
      const start = line === m.range.start.line ? m.range.start.character : 0;
      const end = line === m.range.end.line ? m.range.end.character : lines.lineEnd(line) - lines.lineStarts[line];
      if (end <= start) continue;
      data.push(line - prevLine, line === prevLine ? start - prevChar : start, end - start, type, modifiers);
      prevLine = line;
      prevChar = start;
    }
  }
  return { data };
}
