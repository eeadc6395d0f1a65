import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DocumentHighlightKind, SymbolKind, type DocumentHighlight, type Location, type Position, type SymbolInformation } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { EntityIndex } from '../core/entities/entityIndex';
import { entityNames } from '../core/entities/recognizer';
import { foldKey } from '../core/entities/normalize';
import type { Entity, EntityType } from '../core/entities/types';
import { mentionAt, workspaceMentions, type WorkspaceAnalyses } from './entityHover';

function lineLocation(source: { uri: string; line: number }): Location {
  const at = { line: source.line, character: 0 };
  return { uri: source.uri, range: { start: at, end: at } };
}

/** Go to definition on a mention: the entity's catalog entry (workspace catalog, or the bundled data). */
export function entityDefinition(doc: DocumentAnalysis, position: Position, token: CancellationToken): Location[] | null {
  const mention = mentionAt(doc, position);
  if (!mention || token.isCancellationRequested) return null;
  const entity = doc.entities.index.byId.get(mention.id);
  const source = entity && doc.entities.index.sourceOf(entity);
  return source ? [lineLocation(source)] : null;
}

/** Find references on a mention: every mention of the same entity, under any name, across the workspace. */
export function entityReferences(
  doc: DocumentAnalysis,
  position: Position,
  includeDeclaration: boolean,
  workspace: WorkspaceAnalyses,
  token: CancellationToken,
): Location[] | null {
  const mention = mentionAt(doc, position);
  if (!mention || token.isCancellationRequested) return null;
  const out: Location[] = [];
  const entity = doc.entities.index.byId.get(mention.id);
  const source = includeDeclaration && entity ? doc.entities.index.sourceOf(entity) : null;
  if (source) out.push(lineLocation(source));
  for (const { doc: other, mentions } of workspaceMentions(mention.id, workspace)) {
    if (token.isCancellationRequested) return null;
    for (const m of mentions) out.push({ uri: other.statement.uri, range: m.range });
  }
  return out;
}

/** Document highlights: the mentions of the entity under the cursor in this document. */
export function entityHighlights(doc: DocumentAnalysis, position: Position, token: CancellationToken): DocumentHighlight[] | null {
  const mention = mentionAt(doc, position);
  if (!mention || token.isCancellationRequested) return null;
  return doc.entities.mentions.filter((m) => m.id === mention.id).map((m) => ({ range: m.range, kind: DocumentHighlightKind.Text }));
}

const SYMBOL_KINDS: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Class,
  location: SymbolKind.Namespace,
  event: SymbolKind.Event,
  document: SymbolKind.File,
  role: SymbolKind.Interface,
  concept: SymbolKind.Constant,
};

/**
 * Workspace symbols for entities. With a query: catalog entries one of whose names contains it (folded,
 * case-insensitive), at their definition, or at their first mention when the definition is not reachable.
 * Without one: the entities the workspace mentions.
 */
export function entityWorkspaceSymbols(index: EntityIndex, query: string, workspace: WorkspaceAnalyses, token: CancellationToken, limit = 200): SymbolInformation[] {
  const firstMention = new Map<string, Location>();
  for (const doc of workspace()) {
    if (token.isCancellationRequested) return [];
    for (const m of doc.entities.mentions) if (!firstMention.has(m.id)) firstMention.set(m.id, { uri: doc.statement.uri, range: m.range });
  }
  const needle = foldKey(query).toLowerCase();
  const matches = (e: Entity) => entityNames(e).some(([n]) => foldKey(n).toLowerCase().includes(needle));
  const candidates = needle ? index.entities.filter(matches) : [...firstMention.keys()].flatMap((id) => index.byId.get(id) ?? []);
  const out: SymbolInformation[] = [];
  for (const e of candidates) {
    const source = index.sourceOf(e);
    const location = source ? lineLocation(source) : firstMention.get(e.id);
    if (!location) continue;
    out.push({ name: e.name, kind: SYMBOL_KINDS[e.type], location, containerName: e.category ? `${e.type} · ${e.category}` : e.type });
    if (out.length >= limit) break;
  }
  return out;
}
