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
