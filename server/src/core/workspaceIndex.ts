import { analyzeDocument, type AnalysisOptions, type DocumentAnalysis } from './analysis';
import type { ReferenceContext } from './references/documentReferences';
import type { CodingOptions } from './coding/codingAnalysis';
import type { FileSystem } from './fileSystem';
import { findFiles, type FoundFile } from './findFiles';
import type { Problem } from './model';
import { PathFilter } from './pathFilter';
import { defaultSettings, statementGlobs, type Settings } from './settings';
import { readSourceFile } from './sourceFile';
import { basename, relativePath, uriKey } from './uris';

/** Progress of a build: called with a message and, once the files are known, a percentage. */
export type IndexProgress = (message: string, percentage?: number) => void;

export interface IndexedFile {
  uri: string;
  /** The analysis, or null when the file could not be analysed (then `problem` says why). */
  analysis: DocumentAnalysis | null;
  problem: Problem | null;
  /** True while an editor holds the document; its text then wins over the disk. */
  open: boolean;
}

interface DiskEntry {
  uri: string;
  mtime: number;
  analysis: DocumentAnalysis | null;
  problem: Problem | null;
}

interface OpenEntry {
  uri: string;
  version: number;
  text: string;
  /** Analysed lazily, at most once per version. */
  analysis: DocumentAnalysis | null;
}

/** Inputs of a statement's codings (its sidecar, the codebook), supplied by the server's CodingWorkspace. */
export interface CodingInputs {
  /** Reads what `options` needs for `uri`; awaited before a disk file is analysed. */
  prepare(uri: string): Promise<unknown>;
  options(uri: string): CodingOptions;
}

interface Folder {
  uri: string;
  filter: PathFilter;
}

/**
 * All statement files of the workspace folders, analysed, plus the documents open in the editor (which win
 * over their disk version). Disk files are read in the background by `rebuild()` and kept current by
 * `fileChanged`/`fileDeleted`; an edit re-analyses only its own document, and only when asked for.
 */
export class WorkspaceIndex {
  private folders: Folder[] = [];
  private settings: Settings = defaultSettings;
  /** The entity context of every analysis (see AnalysisOptions.entities). */
  private entities: AnalysisOptions['entities'];
  private excludeGlobs: string[] = [];
  private references: ReferenceContext | undefined;
  private readonly disk = new Map<string, DiskEntry>();
  private readonly open = new Map<string, OpenEntry>();
  private coding: CodingInputs | null = null;
  /** Bumped whenever a file's analysis may have changed, so that derived indexes can skip unchanged states. */
  private changeCount = 0;
  /** Incremented by every rebuild so that a superseded build stops early. */
  private generation = 0;

  constructor(private readonly fs: FileSystem) {}

  /** Sets folders and settings; call `rebuild()` afterwards for them to take effect on disk files. */
  configure(options: {
    folders?: string[];
    settings?: Settings;
    filesExclude?: string[];
    references?: ReferenceContext;
    entities?: AnalysisOptions['entities'];
    coding?: CodingInputs;
  }): void {
    if (options.settings) {
      // Files skipped or analysed under another size limit must be read again, whatever their mtime.
      if (options.settings.maxFileSize !== this.settings.maxFileSize) this.disk.clear();
      this.settings = options.settings;
    }
    if (options.references) this.references = options.references;
    if (options.entities) this.entities = options.entities;
    if (options.coding) this.coding = options.coding;
    if (options.filesExclude) this.excludeGlobs = options.filesExclude;
    this.changeCount++;
    const uris = options.folders ?? this.folderUris;
    this.folders = uris.map((uri) => ({ uri, filter: this.newFilter() }));
    for (const entry of this.open.values()) entry.analysis = null;
  }

  /** Changes when any file's analysis may have changed (a stamp for caches built over `files()`). */
  get changes(): number {
    return this.changeCount;
  }

  get folderUris(): string[] {
    return this.folders.map((folder) => folder.uri);
  }

  /** Walks every folder and (re)analyses changed statement files; resolves when done or superseded. */
  async rebuild(progress?: IndexProgress): Promise<void> {
    const generation = ++this.generation;
    progress?.('Finding statement files');
    // Fresh filters, so that a deleted .gitignore no longer applies.
    this.folders = this.folderUris.map((uri) => ({ uri, filter: this.newFilter() }));
    const found: FoundFile[] = [];
    for (const folder of this.folders) {
      found.push(...(await findFiles(this.fs, folder.uri, folder.filter, () => generation !== this.generation)));
      if (generation !== this.generation) return;
    }
    const keep = new Set(found.map((file) => uriKey(file.uri)));
    for (const key of this.disk.keys()) if (!keep.has(key)) this.disk.delete(key);
    this.changeCount++;
    for (let i = 0; i < found.length; i++) {
      if (generation !== this.generation) return;
      const { uri, mtime } = found[i];
      const known = this.disk.get(uriKey(uri));
      if (!known || known.mtime !== mtime) await this.load(uri, mtime);
      progress?.(`${i + 1}/${found.length} ${basename(uri)}`, Math.round(((i + 1) * 100) / found.length));
    }
  }

  /** A file was created or changed on disk: (re)analyse it if it is a statement file of the workspace. */
  async fileChanged(uri: string): Promise<void> {
    this.changeCount++;
    if (!this.isStatementFile(uri)) {
      this.disk.delete(uriKey(uri));
      return;
    }
    try {
      const stat = await this.fs.stat(uri);
      if (stat.type === 'file') await this.load(uri, stat.mtime);
    } catch {
      this.disk.delete(uriKey(uri));
    }
  }

  /** A file or directory was deleted on disk. */
  fileDeleted(uri: string): void {
    this.changeCount++;
    const key = uriKey(uri);
    for (const known of [...this.disk.keys()]) {
      if (known === key || known.startsWith(`${key}/`)) this.disk.delete(known);
    }
  }

  /** Something every analysis depends on changed (catalogs): open documents are re-analysed on demand, disk files by the next rebuild. */
  invalidateAnalyses(): void {
    this.changeCount++;
    for (const entry of this.open.values()) entry.analysis = null;
    for (const entry of this.disk.values()) entry.mtime = -1;
  }

  /** An editor opened or changed a document: remember its text; it is analysed on demand. */
  setOpenDocument(uri: string, version: number, text: string): void {
    const key = uriKey(uri);
    const known = this.open.get(key);
    if (known && known.version === version && known.text === text) return;
    this.open.set(key, { uri, version, text, analysis: null });
    this.changeCount++;
  }

  /** Analyse these statements again (their sidecar changed): open ones on demand, disk files now. */
  async reanalyze(uris: string[]): Promise<void> {
    for (const uri of uris) {
      const key = uriKey(uri);
      const open = this.open.get(key);
      if (open) open.analysis = null;
      const disk = this.disk.get(key);
      if (disk) await this.load(disk.uri, disk.mtime);
    }
  }

  closeDocument(uri: string): void {
    this.open.delete(uriKey(uri));
    this.changeCount++;
  }

  /** The analysis of an open document (cached per URI and version), else of the indexed disk file. */
  analysisOf(uri: string): DocumentAnalysis | null {
    const key = uriKey(uri);
    const entry = this.open.get(key);
    if (entry) return this.analyzeOpen(entry);
    return this.disk.get(key)?.analysis ?? null;
  }

  /** Every indexed statement file and every open document, open documents winning. */
  *files(): IterableIterator<IndexedFile> {
    for (const entry of this.open.values()) {
      yield { uri: entry.uri, analysis: this.analyzeOpen(entry), problem: null, open: true };
    }
    for (const [key, entry] of this.disk) {
      if (this.open.has(key)) continue;
      yield { uri: entry.uri, analysis: entry.analysis, problem: entry.problem, open: false };
    }
  }

  /** Whether `uri` lies in a workspace folder, is named like a statement, and is not excluded. */
  isStatementFile(uri: string): boolean {
    for (const folder of this.folders) {
      const relative = relativePath(folder.uri, uri);
      if (relative === null || relative === '') continue;
      return folder.filter.isWanted(relative) && !folder.filter.isExcludedWithAncestors(relative);
    }
    return false;
  }

  private analyzeOpen(entry: OpenEntry): DocumentAnalysis {
    entry.analysis ??= analyzeDocument(entry.uri, entry.version, entry.text, this.analysisOptions(entry.uri));
    return entry.analysis;
  }

  private async load(uri: string, mtime: number): Promise<void> {
    const source = await readSourceFile(this.fs, uri, this.settings.maxFileSize);
    if (source.problem?.code === 'file-unreadable') {
      this.disk.delete(uriKey(uri)); // gone since it was found, or not ours to read
      return;
    }
    await this.coding?.prepare(uri);
    const analysis =
      source.text === null ? null : analyzeDocument(uri, 0, source.text, this.analysisOptions(uri));
    this.disk.set(uriKey(uri), { uri, mtime, analysis, problem: source.problem });
    this.changeCount++;
  }

  private analysisOptions(uri: string): AnalysisOptions {
    return { maxFileSize: this.settings.maxFileSize, references: this.references, entities: this.entities, coding: this.coding?.options(uri) };
  }

  private newFilter(): PathFilter {
    return new PathFilter([...statementGlobs, ...this.settings.files], this.excludeGlobs);
  }
}
