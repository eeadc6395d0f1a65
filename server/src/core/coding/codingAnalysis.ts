import type { Problem, Statement } from '../model';
import type { Codebook } from './codebook';
import { readCodings, type Codings, type CodingStorage } from './codings';
import type { ParagraphFacts } from './report';
import { suggestCodes, suggestionProblems, type Suggestion } from './suggest';

export interface CodingOptions {
  codebook?: Codebook | null;
  /** The statement's sidecar file, when it exists. */
  sidecar?: { uri: string; text: string } | null;
  storage?: CodingStorage;
}

/** The coding side of a document analysis (`DocumentAnalysis.codings`). */
export interface CodingAnalysis extends Codings {
  codebook: Codebook | null;
  storage: CodingStorage;
  suggestions: Suggestion[];
  /** Problems located in the statement itself: front matter codings and suggestion hints. */
  statementProblems: Problem[];
}

export function analyzeCodings(statement: Statement, options: CodingOptions = {}, facts?: ParagraphFacts): CodingAnalysis {
  const codebook = options.codebook ?? null;
  const storage = options.storage ?? 'frontMatter';
  const codings = readCodings(statement, { sidecar: options.sidecar, storage, codebook });
  const suggestions = statement.skipped ? [] : suggestCodes(statement, codings, codebook, facts);
  const inStatement = codings.source?.block.uri === statement.uri ? codings.problems : [];
  return { ...codings, codebook, storage, suggestions, statementProblems: [...inStatement, ...suggestionProblems(statement, suggestions)] };
}

/** Problems of the sidecar file, published under its own URI; null when the codings are not in a sidecar. */
export function sidecarProblems(analysis: CodingAnalysis): { uri: string; problems: Problem[] } | null {
  return analysis.source?.kind === 'sidecar' ? { uri: analysis.source.block.uri, problems: analysis.problems } : null;
}
