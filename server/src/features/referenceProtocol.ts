import type { Range } from 'vscode-languageserver-types';

// The custom request shared by the server and the VS Code client (kept free of other imports so the client
// bundle takes only these names).

/** Behind the client's "References in this statement" view and Next/Previous Reference. */
export const REFERENCES_REQUEST = 'policyAnnotator/references';

export interface ReferencesParams {
  uri: string;
}

export interface ReferenceListItem {
  symbol: string;
  /** As written, whitespace collapsed. */
  text: string;
  range: Range;
  kind: 'resolution' | 'presidential-statement' | 'document';
  status: 'catalogued' | 'known' | 'unknown' | 'nonexistent';
  title: string | null;
  /** Path of the paragraph holding the reference ("3.a"), null outside paragraphs. */
  paragraph: string | null;
  approximate: boolean;
}
