import { defaultSettings } from '../core/settings';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { exportEntities } from '../features/entityTree';
import { analyzeFile, diagnosticJson, type AnalyzedFile } from './analyzeFiles';
import { cliEntityContext, reportCatalogProblems } from './entities';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { expandInputs } from './inputs';
import { loadProjectCatalogs } from './referenceCatalogs';
import { exportReferences } from '../features/referenceList';

/** Bumped on any incompatible change of the export; see docs/EXPORT.md and docs/export-schema.json. */
export const EXPORT_SCHEMA_VERSION = 1;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the analysis of statements as versioned JSON',
  usage: `Usage: policy-annotator export --format json [paths|globs...]

Prints one JSON document describing every statement file (default: those under the current directory):
title, front matter, paragraphs in document order, references, entities and diagnostics.
The format is documented in docs/EXPORT.md (schema: docs/export-schema.json).

Options:
  --format json  Output format (json is the only one, and the default)
  -h, --help     Show this help`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, { format: { type: 'string', default: 'json' } });
    if (values.format !== 'json') throw new UsageError(`unknown format '${values.format}' (expected json)`);
    const fs = new NodeFileSystem();
    const { context: entities, catalogs } = cliEntityContext(io.cwd, []);
    reportCatalogProblems(catalogs, io);
    const inputs = await expandInputs(fs, io.cwd, positionals.length > 0 ? positionals : ['.']);
    const { context } = await loadProjectCatalogs(fs, io.cwd);
    const files = [];
    for (const input of inputs) files.push(exportFile(await analyzeFile(fs, input, defaultSettings, context, entities)));
    io.out(`${JSON.stringify({ schemaVersion: EXPORT_SCHEMA_VERSION, files }, null, 2)}\n`);
    return 0;
  },
};

/** One file of the export. `references` and `entities` are filled by their own analyses (later issues). */
export function exportFile(file: AnalyzedFile) {
  const statement = file.analysis?.statement ?? null;
  return {
    path: file.path,
    title: statement?.title?.text ?? null,
    frontMatter: statement?.frontMatter?.data ?? null,
    paragraphs: (statement?.paragraphs ?? []).map((p) => ({
      label: p.label,
      path: p.path,
      kind: p.kind,
      range: p.range,
      excerpt: p.excerpt,
      codes: file.analysis?.codings.byParagraph.get(p.index)?.codes ?? [],
    })),
    references: file.analysis ? exportReferences(file.analysis) : [],
    entities: file.analysis ? exportEntities(file.analysis) : [],
    diagnostics: file.diagnostics.map(diagnosticJson),
  };
}
