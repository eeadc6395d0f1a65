import type { CodingStorage } from './coding/codings';
import { DEFAULT_MAX_FILE_SIZE } from './statement';

/**
 * User settings (`policyAnnotator.*`), typed and defaulted. The server pulls them with
 * `workspace/configuration`; the CLI uses the defaults. Values of the wrong type fall back to the default
 * rather than failing, so a typo in settings.json never stops the analysis.
 */
export interface Settings {
  /** Extra globs of statement files besides `*.statement` and `*.stmt`, e.g. `**\/*.txt`. */
  files: string[];
  /** Files larger than this (bytes, UTF-8) are not analysed. */
  maxFileSize: number;
  /** Workspace catalog files, relative to the workspace folder, after those of .policy-annotator.yaml. */
  catalogs: string[];
  entities: {
    /** Show capitalised names that no catalog knows as `entity-unknown` hints. */
    unknownNamesAsHints: boolean;
  };
  /** Codebook path relative to the workspace folder ('' for none); `.policy-annotator.yaml` takes precedence. */
  codebook: string;
  /** Where new codings are written: the statement's front matter or a sidecar `<file>.codes.yaml`. */
  codingStorage: CodingStorage;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  files: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  catalogs: [],
  entities: { unknownNamesAsHints: false },
  codebook: '',
  codingStorage: 'frontMatter',
});

/** The globs that always make a file a statement. */
export const statementGlobs: readonly string[] = ['**/*.statement', '**/*.stmt'];

/** Reads the raw `policyAnnotator` configuration section (any shape) into typed settings. */
export function readSettings(raw: unknown): Settings {
  const section = isRecord(raw) ? raw : {};
  const files = Array.isArray(section.files)
    ? section.files.filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    : defaultSettings.files;
  const size = section.maxFileSize;
  const maxFileSize = typeof size === 'number' && Number.isFinite(size) && size >= 0 ? Math.floor(size) : defaultSettings.maxFileSize;
  const catalogs = Array.isArray(section.catalogs) ? section.catalogs.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
  const entities = isRecord(section.entities) ? section.entities : {};
  const codebook = typeof section.codebook === 'string' ? section.codebook : defaultSettings.codebook;
  const codingStorage = section.codingStorage === 'sidecar' ? 'sidecar' : defaultSettings.codingStorage;
  return { files: [...files], maxFileSize, catalogs, entities: { unknownNamesAsHints: entities.unknownNamesAsHints === true }, codebook, codingStorage };
}

/**
 * Reads VS Code's `files.exclude` (glob -> true | {when}) into the globs that are switched on.
 * `{ "when": … }` sibling conditions are not supported; such entries are ignored rather than guessed.
 */
export function readFilesExclude(rawFilesSection: unknown): string[] {
  const section = isRecord(rawFilesSection) ? rawFilesSection : {};
  const exclude = isRecord(section.exclude) ? section.exclude : {};
  return Object.entries(exclude)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
