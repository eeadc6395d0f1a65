// Names and shapes shared by the server's coding features and the VS Code client's coding UI.
import type { Range } from 'vscode-languageserver-types';

/** Commands the server executes (`workspace/executeCommand`); each applies one WorkspaceEdit. */
export const ServerCommands = {
  setCodes: 'policyAnnotator.server.setParagraphCodes',
  removeCode: 'policyAnnotator.server.removeCode',
  setMemo: 'policyAnnotator.server.setMemo',
} as const;

/** Client commands (UI) that server results point at, e.g. from code lenses and code actions. */
export const ClientCommands = {
  tag: 'policyAnnotator.tagParagraph',
  removeCode: 'policyAnnotator.removeCode',
  addMemo: 'policyAnnotator.addMemo',
  showReport: 'policyAnnotator.showCodingReport',
  compare: 'policyAnnotator.compareCodings',
} as const;

/** Custom requests. */
export const CodingRequests = {
  state: 'policyAnnotator/codingState',
  report: 'policyAnnotator/codingReport',
  compare: 'policyAnnotator/compareCodings',
} as const;

export interface SetCodesArgs {
  uri: string;
  paths: string[];
  add: string[];
  remove: string[];
}

export interface RemoveCodeArgs {
  uri: string;
  paths: string[];
  code: string;
}

export interface SetMemoArgs {
  uri: string;
  path: string;
  memo: string;
}

export interface CodingStateParams {
  uri: string;
  /** The selection: every paragraph it touches is selected. */
  range: Range;
}

export interface CodebookEntry {
  id: string;
  label: string;
  description: string | null;
  color: string | null;
  codable: boolean;
  depth: number;
  parent: string | null;
}

export interface CodedParagraph {
  path: string;
  range: Range;
  codes: string[];
  memo: string;
}

export interface CodingStateResult {
  /** Codebook in order, depth first; empty when there is no codebook. */
  codebook: CodebookEntry[];
  /** Paths of the paragraphs the selection touches (innermost paragraphs), in document order. */
  selected: string[];
  /** Every paragraph with codes or a memo. */
  coded: CodedParagraph[];
  /** Why the codebook is missing or broken, if it is. */
  codebookProblem: string | null;
}

export interface CodingReportParams {
  /** Statements to include; every indexed statement when absent. */
  uris?: string[];
}

export interface CompareCodingsParams {
  a: string;
  b: string;
}
