import type { Range } from 'vscode-languageserver-types';

export type ReferenceKind = 'resolution' | 'presidential-statement' | 'document';
export type Body = 'SC' | 'GA' | 'HRC' | 'ECOSOC';

/**
 * How a reference resolves: `catalogued` (a catalog entry exists), `known` (the number exists for that body and
 * its year is derived), `unknown` (newer than the bundled data), `nonexistent` (impossible).
 */
export type ReferenceStatus = 'catalogued' | 'known' | 'unknown' | 'nonexistent';

/** A cited paragraph: "paragraph 11 (j) of …" has path "11.j" (the statement model's paragraph path). */
export interface Pinpoint {
  path: string;
  text: string;
  start: number;
  end: number;
  range: Range;
}

/** A reference as written, before it is resolved against the catalog and the year table. */
export interface RecognisedReference {
  /** The text as written, line breaks included. */
  text: string;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  range: Range;
  kind: ReferenceKind;
  body: Body | null;
  /** Normalised symbol from what is written: "S/RES/2254 (2015)", "A/RES/57/270 B", "S/2017/573/Rev.1". */
  symbol: string;
  /** The document's own number ("2254", "270", "573"), null when the symbol has none. */
  number: string | null;
  /** Session for session-numbered resolutions: "70", "ES-10", "S-15"; the year for ECOSOC's. */
  session?: string;
  /** The year as written in the reference, if any. */
  year: string | null;
  /** Lettered part of a General Assembly resolution ("B" in "57/270 B"). */
  part?: string;
  pinpoint: Pinpoint | null;
}

export interface Reference extends RecognisedReference {
  status: ReferenceStatus;
  /** The adoption year the bundled data or catalog gives, when known. */
  adoptedYear: number | null;
  /** True when the year comes from data marked approximate (not yet confirmed against UN records). */
  approximate: boolean;
  /** Set when the written year differs from the adoption year. */
  yearMismatch: boolean;
  /** Why the reference is `nonexistent` or `unknown`, in words for a diagnostic or hover. */
  reason: string | null;
}
