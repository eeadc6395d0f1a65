import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Problem, Statement } from '../model';
import type { CatalogStore, LocatedEntry } from './catalog';
import type { CatalogTarget } from './catalogEdit';
import { createCatalogStore, findReferences } from './index';
import { referenceProblems } from './problems';
import type { ReferenceIndex } from './workspace';
import type { Reference } from './types';

/** What reference analysis needs beyond the text: the catalogs, the workspace index, settings. */
export interface ReferenceContext {
  catalog: Pick<CatalogStore, 'lookup'>;
  /** Citations across the workspace (hover counts, definition, find references); null outside a workspace. */
  index: ReferenceIndex | null;
  uncataloguedSeverity: DiagnosticSeverity | 'off';
  /** Where "Add to workspace catalog" appends. */
  catalogTarget: CatalogTarget | null;
}

/** The `references` field of a DocumentAnalysis. */
export interface DocumentReferences {
  items: Reference[];
  problems: Problem[];
  context: ReferenceContext;
}

let bundledOnly: CatalogStore | null = null;

/** The context used when none is given (the CLI on single files, tests): the bundled catalog, no workspace. */
export function defaultReferenceContext(): ReferenceContext {
  bundledOnly ??= createCatalogStore();
  return { catalog: bundledOnly, index: null, uncataloguedSeverity: DiagnosticSeverity.Hint, catalogTarget: null };
}

/** Recognises, resolves and checks the references in a statement's body (front matter is not cited text). */
export function analyzeReferences(statement: Statement, context: ReferenceContext = defaultReferenceContext()): DocumentReferences {
  if (statement.skipped !== null) return { items: [], problems: [], context };
  const items = findReferences(statement.lines, context.catalog, statement.bodyStart);
  const problems = referenceProblems(items, {
    uri: statement.uri,
    lines: statement.lines,
    uncataloguedSeverity: context.uncataloguedSeverity,
    catalogTarget: context.catalogTarget,
  });
  return { items, problems, context };
}

/** The catalog entry a reference resolved to, if any. */
export function entryOf(ref: Reference, context: ReferenceContext): LocatedEntry | undefined {
  return ref.status === 'catalogued' ? context.catalog.lookup(ref.symbol) : undefined;
}
