import { analyzeCodings, type CodingAnalysis, type CodingOptions } from './coding/codingAnalysis';
import type { Problem, Statement } from './model';
import { parseStatement } from './statement';

/** Everything the features know about one document version; later analyses add one field each. */
export interface DocumentAnalysis {
  statement: Statement;
  codings: CodingAnalysis;
}

export interface AnalysisOptions {
  /** Bytes (UTF-8) above which a document is not analysed. */
  maxFileSize?: number;
  /** Codebook, sidecar file and storage setting for the statement's codings. */
  coding?: CodingOptions;
}

export function analyzeDocument(uri: string, version: number, text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const statement = parseStatement({ uri, version, text, maxFileSize: options.maxFileSize });
  return { statement, codings: analyzeCodings(statement, options.coding) };
}

/** Every finding about the document, in one list, for diagnostics, quick fixes and the CLI. */
export function problemsOf(doc: DocumentAnalysis): Problem[] {
  return [...doc.statement.problems, ...doc.codings.statementProblems];
}
