import { parseDocument } from 'yaml';
import { joinUri } from './uris';

/** The project config of a workspace folder (or, for the CLI, of the working directory). */
export const PROJECT_CONFIG = '.policy-annotator.yaml';
/** Bounds alias expansion in the project config (YAML alias bombs). */
const MAX_ALIAS_COUNT = 100;

/** The keys of `.policy-annotator.yaml` the analyses use, unchecked; `errors` says why the file could not be read. */
export interface ProjectConfig {
  catalogs: unknown;
  codebook: unknown;
  errors: string[];
}

/** Reads a project config's text (null: there is none). */
export function parseProjectConfig(text: string | null): ProjectConfig {
  const none = { catalogs: undefined, codebook: undefined };
  if (text === null) return { ...none, errors: [] };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { ...none, errors: [`${PROJECT_CONFIG}: ${doc.errors[0].message.split('\n')[0]}`] };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as { catalogs?: unknown; codebook?: unknown } | null;
    return { catalogs: data?.catalogs, codebook: data?.codebook, errors: [] };
  } catch (error) {
    return { ...none, errors: [`${PROJECT_CONFIG}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
}

/** The catalog files of the workspace folders, read from each folder's project config and the setting. */
export interface WorkspaceCatalogs {
  /** Every catalog in merge order, without repeats. */
  uris: string[];
  /** Each folder's catalogs, in merge order. */
  byFolder: Map<string, string[]>;
  /** Problems of the configuration itself (unreadable config, bad paths). */
  errors: string[];
  /** Each folder's project config text (null: none), for edits that list a new catalog in it. */
  configTexts: Map<string, string | null>;
}

/** Reads every folder's project config through `read` and lists the catalogs it and the setting name. */
export async function readWorkspaceCatalogs(
  folders: readonly string[],
  settingCatalogs: unknown,
  read: (uri: string) => Promise<string | null>,
): Promise<WorkspaceCatalogs> {
  const out: WorkspaceCatalogs = { uris: [], byFolder: new Map(), errors: [], configTexts: new Map() };
  for (const folder of folders) {
    const text = await read(joinUri(folder, PROJECT_CONFIG));
    out.configTexts.set(folder, text);
    const config = parseProjectConfig(text);
    const found = catalogSources(folder, config.catalogs, settingCatalogs);
    out.byFolder.set(folder, found.uris);
    for (const error of [...config.errors, ...found.errors]) if (!out.errors.includes(error)) out.errors.push(error);
    for (const uri of found.uris) if (!out.uris.includes(uri)) out.uris.push(uri);
  }
  return out;
}

/**
 * Workspace catalog files in merge order: `.policy-annotator.yaml` `catalogs:` first, then the
 * `policyAnnotator.catalogs` setting (later ones override earlier ones). Paths are relative to the workspace
 * folder; a path that leaves the folder is refused, since nothing reads outside the workspace.
 */
export function catalogSources(
  folderUri: string,
  projectCatalogs: unknown,
  settingCatalogs: unknown,
): { uris: string[]; errors: string[] } {
  const uris: string[] = [];
  const errors: string[] = [];
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  const add = (value: unknown, where: string) => {
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) {
      errors.push(`${where} must be a list of paths.`);
      return;
    }
    for (const item of value) {
      if (typeof item !== 'string' || item.trim() === '') {
        errors.push(`${where}: ${JSON.stringify(item)} is not a path.`);
        continue;
      }
      const path = item.trim().replace(/\\/g, '/');
      let resolved: string;
      try {
        resolved = new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;
      } catch {
        errors.push(`${where}: "${item}" is not a valid path.`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || !resolved.startsWith(base)) {
        errors.push(`${where}: "${item}" is outside the workspace folder; only relative paths inside it are read.`);
        continue;
      }
      if (!uris.includes(resolved)) uris.push(resolved);
    }
  };
  add(projectCatalogs, '.policy-annotator.yaml catalogs');
  add(settingCatalogs, 'policyAnnotator.catalogs');
  return { uris, errors };
}
