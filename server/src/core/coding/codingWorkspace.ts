import type { FileSystem } from '../fileSystem';
import type { Problem } from '../model';
import { parseProjectConfig, PROJECT_CONFIG } from '../projectConfig';
import { joinUri, relativePath, uriKey } from '../uris';
import { parseCodebook, type Codebook } from './codebook';
import type { CodingOptions } from './codingAnalysis';
import { sidecarUri, type CodingStorage } from './codings';
import { MAX_YAML_CHARS } from './yamlText';

export const SIDECAR_SUFFIX = '.codes.yaml';
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface CodingSettings {
  /** `policyAnnotator.codebook`: path relative to the (first) workspace folder; '' for none. */
  codebook: string;
  codingStorage: CodingStorage;
}

/** Which statements must be analysed again after a change: some, every one, or none. */
export type Affected = { uris: string[] } | 'all' | null;

/**
 * The files around the statements that their codings depend on: the codebook (from `codebook:` in a folder's
 * .policy-annotator.yaml, else the setting) and each statement's sidecar `<file>.codes.yaml`. Texts of open
 * editors win over the disk. Only files inside the workspace folders are read.
 */
export class CodingWorkspace {
  private folders: string[] = [];
  private settings: CodingSettings = { codebook: '', codingStorage: 'frontMatter' };
  private codebookUri: string | null = null;
  private codebookValue: Codebook | null = null;
  /** Why no codebook could be read, when one is configured. */
  private codebookError: string | null = null;
  private readonly sidecars = new Map<string, string | null>();
  private readonly openTexts = new Map<string, { uri: string; text: string }>();

  constructor(private readonly fs: FileSystem) {}

  get codebook(): Codebook | null {
    return this.codebookValue;
  }

  get storage(): CodingStorage {
    return this.settings.codingStorage;
  }

  /** Sets folders and settings and (re)loads the codebook; returns true when the codebook changed. */
  async configure(folders: string[], settings: CodingSettings): Promise<boolean> {
    this.folders = folders;
    this.settings = settings;
    const before = this.codebookUri;
    this.codebookUri = await this.locateCodebook();
    return (await this.reloadCodebook()) || before !== this.codebookUri;
  }

  /**
   * True for YAML files (sidecars, codebooks, project configs): the editor sends them to the server for the
   * coding features, and they are never analysed as statements.
   */
  isCodingFile(uri: string): boolean {
    return /\.ya?ml$/i.test(uri) || this.isCodebook(uri);
  }

  isCodebook(uri: string): boolean {
    return this.codebookUri !== null && uriKey(uri) === uriKey(this.codebookUri);
  }

  /** The statement a sidecar belongs to. */
  statementOf(sidecar: string): string {
    return sidecar.slice(0, -SIDECAR_SUFFIX.length);
  }

  /**
   * Reads the statement's sidecar if it is not known yet (call before analysing the statement). True when a
   * sidecar was found just now, so that an analysis made without it must be redone.
   */
  async prepare(statementUri: string): Promise<boolean> {
    const key = uriKey(sidecarUri(statementUri));
    if (this.sidecars.has(key)) return false;
    const text = await this.read(sidecarUri(statementUri));
    this.sidecars.set(key, text);
    return text !== null;
  }

  options(statementUri: string): CodingOptions {
    const uri = sidecarUri(statementUri);
    const key = uriKey(uri);
    const text = this.openTexts.get(key)?.text ?? this.sidecars.get(key) ?? null;
    return { codebook: this.codebookValue, storage: this.settings.codingStorage, sidecar: text === null ? null : { uri, text } };
  }

  /** An editor opened or changed a coding file (`text`), or closed it (`null`). */
  async setOpenText(uri: string, text: string | null): Promise<Affected> {
    const key = uriKey(uri);
    if (text === null) this.openTexts.delete(key);
    else this.openTexts.set(key, { uri, text });
    // On close the disk version counts again, and may have been saved meanwhile.
    return this.changed(uri, text === null);
  }

  /** A coding file changed on disk (or was created or deleted). */
  async fileChanged(uri: string): Promise<Affected> {
    return this.changed(uri, true);
  }

  /** Problems of the codebook file, to publish under its URI. */
  codebookProblems(): { uri: string; problems: Problem[] } | null {
    return this.codebookValue ? { uri: this.codebookValue.uri, problems: this.codebookValue.problems } : null;
  }

  /** Why there is no usable codebook, for the editor's pickers; null when there is one. */
  codebookStatus(): string | null {
    if (this.codebookError) return this.codebookError;
    if (!this.codebookValue) return 'No codebook: set `codebook:` in .policy-annotator.yaml or the setting policyAnnotator.codebook';
    return null;
  }

  private async changed(uri: string, fromDisk: boolean): Promise<Affected> {
    if (uri.endsWith(SIDECAR_SUFFIX)) {
      if (fromDisk) this.sidecars.set(uriKey(uri), await this.read(uri));
      return { uris: [this.statementOf(uri)] };
    }
    if (uriKey(uri).endsWith(`/${PROJECT_CONFIG}`)) {
      return (await this.configure(this.folders, this.settings)) ? 'all' : null;
    }
    if (this.isCodebook(uri)) return (await this.reloadCodebook()) ? 'all' : null;
    return null;
  }

  /** `codebook:` of the first folder's .policy-annotator.yaml that names one, else the setting. */
  private async locateCodebook(): Promise<string | null> {
    this.codebookError = null;
    for (const folder of this.folders) {
      const value = parseProjectConfig(await this.read(joinUri(folder, PROJECT_CONFIG))).codebook;
      if (typeof value === 'string' && value.trim() !== '') return this.resolve(folder, value.trim(), PROJECT_CONFIG);
    }
    const setting = this.settings.codebook.trim();
    return setting && this.folders.length > 0 ? this.resolve(this.folders[0], setting, 'policyAnnotator.codebook') : null;
  }

  /** A relative path inside `folder` as a URI; paths leaving the workspace are refused (nothing outside is read). */
  private resolve(folder: string, relative: string, where: string): string | null {
    const parts = relative.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
    if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative) || parts.includes('..') || parts.length === 0) {
      this.codebookError = `The codebook path '${relative}' (${where}) must be relative and inside the workspace folder`;
      return null;
    }
    const uri = parts.reduce((dir, name) => joinUri(dir, name), folder);
    return relativePath(folder, uri) === null ? null : uri;
  }

  /** Reads the codebook again; true when its text changed. */
  private async reloadCodebook(): Promise<boolean> {
    const uri = this.codebookUri;
    const text = uri === null ? null : this.openTexts.get(uriKey(uri))?.text ?? (await this.read(uri));
    if (uri !== null && text === null && !this.codebookError) this.codebookError = `The codebook ${uri} cannot be read`;
    const before = this.codebookValue;
    this.codebookValue = uri === null || text === null ? null : parseCodebook(uri, text);
    return before?.block.hostText !== this.codebookValue?.block.hostText || before?.uri !== this.codebookValue?.uri;
  }

  private async read(uri: string): Promise<string | null> {
    if (!this.folders.some((folder) => relativePath(folder, uri) !== null)) return null;
    const open = this.openTexts.get(uriKey(uri));
    if (open) return open.text;
    try {
      const stat = await this.fs.stat(uri);
      if (stat.type !== 'file' || stat.size > MAX_YAML_CHARS) return null;
      return decoder.decode(await this.fs.readFile(uri));
    } catch {
      return null;
    }
  }
}
