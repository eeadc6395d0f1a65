import type { Range } from 'vscode-languageserver-types';
import type { Statement } from '../model';
import { symbolKey } from './catalog';
import type { Reference } from './types';

/** One citation of a document somewhere in the workspace. */
export interface Citation {
  uri: string;
  range: Range;
  text: string;
  symbol: string;
  pinpoint: string | null;
}

/** A workspace file that is itself a cited document: its front matter says `symbol: S/RES/2254 (2015)`. */
export interface CitedFile {
  uri: string;
  symbol: string;
  title: string | null;
  /** Where to land without a pinpoint: the title, else the start. */
  range: Range;
  /** Paragraph path → range, for pinpoints. */
  paragraphs: Map<string, Range>;
}

interface FileEntry {
  citations: Citation[];
  defines: CitedFile | null;
  /** The statement's title and where to point at the file as a whole. */
  title: string | null;
  range: Range;
}

/**
 * Citations of UN documents across the workspace, keyed by document (symbol key), so that hover counts,
 * find references, definition and the citation graph answer without scanning files.
 */
export class ReferenceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly byKey = new Map<string, Map<string, Citation[]>>();
  private readonly definitions = new Map<string, Map<string, CitedFile>>();

  /** Replaces what is known about one file. */
  update(statement: Statement, references: readonly Reference[]): void {
    this.remove(statement.uri);
    const defines = citedFileOf(statement);
    // A text naming itself (its title "Resolution 2178 (2014) on …") does not cite itself.
    const own = defines !== null ? symbolKey(defines.symbol) : null;
    const citations = references.filter((r) => symbolKey(r.symbol) !== own).map((r) => ({
      uri: statement.uri, range: r.range, text: r.text, symbol: r.symbol, pinpoint: r.pinpoint?.path ?? null,
    }));
    const range = statement.title?.range ?? statement.lines.range(statement.bodyStart, statement.bodyStart);
    this.files.set(statement.uri, { citations, defines, title: statement.title?.text ?? null, range });
    for (const c of citations) {
      const key = symbolKey(c.symbol);
      let perFile = this.byKey.get(key);
      if (perFile === undefined) this.byKey.set(key, (perFile = new Map()));
      let list = perFile.get(c.uri);
      if (list === undefined) perFile.set(c.uri, (list = []));
      list.push(c);
    }
    if (defines !== null) {
      const key = symbolKey(defines.symbol);
      let files = this.definitions.get(key);
      if (files === undefined) this.definitions.set(key, (files = new Map()));
      files.set(defines.uri, defines);
    }
  }

  remove(uri: string): void {
    const entry = this.files.get(uri);
    if (entry === undefined) return;
    this.files.delete(uri);
    for (const c of entry.citations) {
      const key = symbolKey(c.symbol);
      const perFile = this.byKey.get(key);
      perFile?.delete(uri);
      if (perFile?.size === 0) this.byKey.delete(key);
    }
    if (entry.defines !== null) {
      const key = symbolKey(entry.defines.symbol);
      const files = this.definitions.get(key);
      files?.delete(uri);
      if (files?.size === 0) this.definitions.delete(key);
    }
  }

  /** How often a document is cited: citations and distinct files. */
  counts(symbol: string): { citations: number; files: number } {
    const perFile = this.byKey.get(symbolKey(symbol));
    if (perFile === undefined) return { citations: 0, files: 0 };
    let citations = 0;
    for (const list of perFile.values()) citations += list.length;
    return { citations, files: perFile.size };
  }

  /** Every citation of a document, grouped by file (files in URI order, citations in document order). */
  citationsOf(symbol: string): Citation[] {
    const perFile = this.byKey.get(symbolKey(symbol));
    if (perFile === undefined) return [];
    return [...perFile.keys()].sort().flatMap((uri) => perFile.get(uri) ?? []);
  }

  /** What one file cites, in document order. */
  citationsIn(uri: string): readonly Citation[] {
    return this.files.get(uri)?.citations ?? [];
  }

  /** The workspace file that is the cited document (the first by URI when several claim it). */
  fileFor(symbol: string): CitedFile | undefined {
    const files = this.definitions.get(symbolKey(symbol));
    if (files === undefined) return undefined;
    return files.get([...files.keys()].sort()[0]);
  }

  /** A file's title and range (for the citation graph), if the file is indexed. */
  fileInfo(uri: string): { title: string | null; range: Range } | undefined {
    const entry = this.files.get(uri);
    return entry && { title: entry.title, range: entry.range };
  }

  /** The document a file is, if its front matter says so. */
  definedBy(uri: string): CitedFile | null {
    return this.files.get(uri)?.defines ?? null;
  }

  /** Every cited document: its key, a representative symbol and how often it is cited. */
  citedDocuments(): { key: string; symbol: string; citations: number; files: number }[] {
    const out = [];
    for (const [key, perFile] of this.byKey) {
      let citations = 0;
      let symbol = '';
      for (const list of perFile.values()) {
        citations += list.length;
        symbol ||= list[0].symbol;
      }
      out.push({ key, symbol, citations, files: perFile.size });
    }
    return out;
  }
}

/** A statement whose front matter names its own symbol is the text of that document. */
export function citedFileOf(statement: Statement): CitedFile | null {
  const symbol = statement.frontMatter?.data?.symbol;
  if (typeof symbol !== 'string' || symbol.trim() === '') return null;
  const paragraphs = new Map<string, Range>();
  for (const p of statement.paragraphs) paragraphs.set(p.path, p.range);
  const start = statement.lines.range(statement.bodyStart, statement.bodyStart);
  return {
    uri: statement.uri,
    symbol: symbol.trim(),
    title: statement.title?.text ?? null,
    range: statement.title?.range ?? start,
    paragraphs,
  };
}
