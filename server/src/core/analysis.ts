import type { EntityAnalysis } from './entities/analyzeEntities';
import { defaultEntityContext, statementEntities, type EntityContext } from './entities/workspaceEntities';
import { analyzeCodings, type CodingAnalysis, type CodingOptions } from './coding/codingAnalysis';
import { paragraphFacts } from './coding/facts';
import type { Problem, Statement } from './model';
import { analyzeReferences, type DocumentReferences, type ReferenceContext } from './references/documentReferences';
import { parseStatement } from './statement';

/** Everything the features know about one document version; later analyses add one field each. */
export interface DocumentAnalysis {
  statement: Statement;
  /** References to UN documents, resolved against the catalogs, with their problems. */
  references: DocumentReferences;
  /** Entity mentions, spelling hints and unknown names; computed on first use, once per version. */
  readonly entities: EntityAnalysis;
  /** Qualitative codes of the paragraphs (front matter or sidecar), checked against the codebook. */
  codings: CodingAnalysis;
}

export interface AnalysisOptions {
  /** Bytes (UTF-8) above which a document is not analysed. */
  maxFileSize?: number;
  /** Catalogs, workspace index and settings for references; the bundled catalog alone when absent. */
  references?: ReferenceContext;
  /**
   * Entity index (bundled gazetteer + workspace catalogs) and settings, or a function giving the current
   * ones (the server's, which change with the catalogs); the bundled gazetteer alone when absent.
   */
  entities?: EntityContext | (() => EntityContext);
  /** Codebook, sidecar file and storage setting for the statement's codings. */
  coding?: CodingOptions;
}

export function analyzeDocument(uri: string, version: number, text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const statement = parseStatement({ uri, version, text, maxFileSize: options.maxFileSize });
  const references = analyzeReferences(statement, options.references);
  const contextOf = typeof options.entities === 'function' ? options.entities : () => (options.entities as EntityContext | undefined) ?? defaultEntityContext();
  let entities: EntityAnalysis | undefined;
  let computedFor: EntityContext | undefined;
  // Computed on first use and again only when the catalogs or settings changed since.
  const entitiesOf = (): EntityAnalysis => {
    const context = contextOf();
    if (!entities || !computedFor || context.index !== computedFor.index || context.unknownNamesAsHints !== computedFor.unknownNamesAsHints) {
      // Reference spans ("UNSCR 2254", "Resolution 2254") are never unknown names.
      entities = statementEntities(statement, context.index, { unknownAsHints: context.unknownNamesAsHints }, references.items);
      computedFor = context;
    }
    return entities;
  };
  return {
    statement,
    references,
    get entities() {
      return entitiesOf();
    },
    codings: analyzeCodings(statement, options.coding, paragraphFacts(statement, references, entitiesOf)),
  };
}

/** Every finding about the document, in one list, for diagnostics, quick fixes and the CLI. */
export function problemsOf(doc: DocumentAnalysis): Problem[] {
  return [...doc.statement.problems, ...doc.references.problems, ...doc.entities.problems, ...doc.codings.statementProblems];
}
