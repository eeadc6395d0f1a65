import { pathToFileURL } from 'node:url';
import type { AnalyzedFile } from './analyzeFiles';

const levels = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;

/**
 * A SARIF 2.1.0 log of the diagnostics, so that CI systems (GitHub code scanning and others) show them.
 * Locations are relative to %SRCROOT% (the working directory); columns count UTF-16 code units, as in LSP.
 */
export function sarifLog(files: AnalyzedFile[], cwd: string, version: string) {
  const ruleIds = [...new Set(files.flatMap((file) => file.diagnostics.map((d) => String(d.code ?? ''))))].sort();
  const results = files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: String(d.code ?? ''),
      ruleIndex: ruleIds.indexOf(String(d.code ?? '')),
      level: levels[d.severity ?? 1],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: file.path.startsWith('/')
              ? { uri: file.uri }
              : { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-annotator',
            version,
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: id.replace(/-/g, ' ') } })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
