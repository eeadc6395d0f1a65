import type { Statement } from '../model';
import { analyzeEntities, type EntityAnalysis, type EntityAnalysisOptions } from './analyzeEntities';
import { parseEntityCatalog, type EntityCatalogResult } from './catalog';
import { EntityIndex } from './entityIndex';
import { bundledEntities } from './gazetteer';
import type { Entity } from './types';

/** What the document analysis needs to find entities: the index in force and the settings. */
export interface EntityContext {
  index: EntityIndex;
  /** Setting `policyAnnotator.entities.unknownNamesAsHints`. */
  unknownNamesAsHints?: boolean;
}

let bundledContext: EntityContext | undefined;

/** The bundled gazetteer alone (CLI without workspace catalogs, tests). */
export function defaultEntityContext(): EntityContext {
  bundledContext ??= { index: new EntityIndex(bundledEntities()) };
  return bundledContext;
}

export interface CatalogText {
  uri: string;
  text: string;
}

/**
 * The entity index for a workspace: the bundled gazetteer plus the `entities:` sections of the workspace
 * catalogs, given in merge order (later files override earlier ones, as for the reference catalog).
 */
export function buildEntityIndex(catalogs: readonly CatalogText[], dataUri?: string): { index: EntityIndex; results: Map<string, EntityCatalogResult> } {
  const results = new Map<string, EntityCatalogResult>();
  for (const c of catalogs) results.set(c.uri, parseEntityCatalog(c.text, c.uri));
  return { index: indexFromResults([...results.values()], dataUri), results };
}

/**
 * Workspace entries from parsed catalogs, the last catalog first so that it wins. The server keeps the
 * last good result of a catalog whose YAML does not parse and passes that here.
 */
export function indexFromResults(results: readonly EntityCatalogResult[], dataUri?: string): EntityIndex {
  const workspace: Entity[] = [];
  for (let i = results.length - 1; i >= 0; i--) workspace.push(...results[i].entities);
  return new EntityIndex(bundledEntities(), workspace, dataUri);
}

/** Entities of a statement's body: front matter and trailing web boilerplate are left out. */
export function statementEntities(
  statement: Statement,
  index: EntityIndex,
  options: EntityAnalysisOptions = {},
  known?: ReadonlyArray<{ start: number; end: number }>,
): EntityAnalysis {
  if (statement.skipped) return { index, mentions: [], spelling: [], unknown: [], problems: [] };
  const to = statement.boilerplate?.start ?? statement.text.length;
  return analyzeEntities({ uri: statement.uri, text: statement.text, lines: statement.lines, from: statement.bodyStart, to, known }, index, options);
}
