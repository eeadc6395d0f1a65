import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/fileSystem';
import type { ReferenceContext } from '../core/references/documentReferences';
import { ReferenceWorkspace } from '../core/references/referenceWorkspace';
import { toDiagnostic } from '../features/diagnostics';
import { readBundledCatalog } from '../node/bundledCatalog';
import type { AnalyzedFile } from './analyzeFiles';

/**
 * The catalogs of the project in the working directory (`.policy-annotator.yaml` `catalogs:`), for the CLI:
 * the reference context for analyses, and each workspace catalog as a checked file whose problems are
 * printed like any other (path:line:col), so that a broken catalog gets a clear CLI message.
 */
export async function loadProjectCatalogs(fs: FileSystem, cwd: string): Promise<{ context: ReferenceContext; catalogs: AnalyzedFile[] }> {
  const workspace = new ReferenceWorkspace(fs, readBundledCatalog());
  const folder = pathToFileURL(cwd).href;
  await workspace.configure({ folders: [folder] });
  const catalogs = workspace.store.sources.map((uri) => ({
    path: path.relative(cwd, new URL(uri).pathname.replace(/^\/([A-Za-z]:)/, '$1')).split(path.sep).join('/'),
    uri,
    analysis: null,
    diagnostics: workspace.catalogProblems(uri).map(toDiagnostic),
  }));
  return { context: workspace.context, catalogs };
}
