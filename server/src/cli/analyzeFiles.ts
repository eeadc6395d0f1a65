import { CancellationToken } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeDocument, type AnalysisOptions, type DocumentAnalysis } from '../core/analysis';
import type { FileSystem } from '../core/fileSystem';
import type { ReferenceContext } from '../core/references/documentReferences';
import type { Settings } from '../core/settings';
import { readSourceFile } from '../core/sourceFile';
import { diagnostics } from '../features/diagnostics';
import { cliCodingOptions } from './codingOptions';
import type { InputFile } from './inputs';

export interface AnalyzedFile extends InputFile {
  /** Null when the file could not be analysed; `diagnostics` then holds the one reason. */
  analysis: DocumentAnalysis | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads and analyses one file through the same core and diagnostics feature as the language server.
 * `references` and `entities`: contexts with the workspace catalogs (cli/referenceCatalogs.ts,
 * cli/entities.ts); the bundled data alone when absent.
 */
export async function analyzeFile(
  fs: FileSystem,
  file: InputFile,
  settings: Settings,
  references?: ReferenceContext,
  entities?: AnalysisOptions['entities'],
): Promise<AnalyzedFile> {
  const source = await readSourceFile(fs, file.uri, settings.maxFileSize);
  if (source.text === null) {
    const { range, severity, code, message } = source.problem;
    return { ...file, analysis: null, diagnostics: [{ range, severity, code, source: 'policy-annotator', message }] };
  }
  const analysis = analyzeDocument(file.uri, 0, source.text, { maxFileSize: settings.maxFileSize, references, entities, coding: await cliCodingOptions(fs, file.uri) });
  return { ...file, analysis, diagnostics: diagnostics(analysis, CancellationToken.None) };
}

export const severityNames = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;
export type SeverityName = (typeof severityNames)[keyof typeof severityNames];

export function severityName(diagnostic: Diagnostic): SeverityName {
  return severityNames[diagnostic.severity ?? 1];
}

/** The exported form of a diagnostic (check --format json, export). */
export function diagnosticJson(diagnostic: Diagnostic) {
  return { range: diagnostic.range, severity: severityName(diagnostic), code: String(diagnostic.code ?? ''), message: diagnostic.message };
}
