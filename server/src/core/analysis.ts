import type { Problem, Statement } from './model';
import { analyzeReferences, type DocumentReferences, type ReferenceContext } from './references/documentReferences';
import { parseStatement } from './statement';

/** Everything the features know about one document version; later analyses add one field each. */
export interface DocumentAnalysis {
  statement: Statement;
  /** References to UN documents, resolved against the catalogs, with their problems. */
  references: DocumentReferences;
}

export interface AnalysisOptions {
  /** Bytes (UTF-8) above which a document is not analysed. */
  maxFileSize?: number;
  /** Catalogs, workspace index and settings for references; the bundled catalog alone when absent. */
  references?: ReferenceContext;
}

export function analyzeDocument(uri: string, version: number, text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const statement = parseStatement({ uri, version, text, maxFileSize: options.maxFileSize });
  return { statement, references: analyzeReferences(statement, options.references) };
}

/** Every finding about the document, in one list, for diagnostics, quick fixes and the CLI. */
export function problemsOf(doc: DocumentAnalysis): Problem[] {
  return [...doc.statement.problems, ...doc.references.problems];
}
