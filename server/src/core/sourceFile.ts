import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { FileSystem } from './fileSystem';
import type { Problem } from './model';

/** A statement file read from disk: its text, or the one problem that kept it from being analysed. */
export type SourceFile = { uri: string; text: string; problem: null } | { uri: string; text: null; problem: Problem };

const decoder = new TextDecoder('utf-8', { fatal: true });
const START = { line: 0, character: 0 };

/**
 * Reads a statement file, bounded by `maxFileSize` (checked before reading) and decoded as strict UTF-8.
 * Never throws: an unreadable, too large or non-UTF-8 file yields a problem at 1:1 instead of text.
 */
export async function readSourceFile(fs: FileSystem, uri: string, maxFileSize: number): Promise<SourceFile> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(uri);
    if (stat.size > maxFileSize) {
      // Same code and wording as the parser gives an oversized open document; checked before reading.
      return failed(
        uri,
        DiagnosticSeverity.Warning,
        'file-too-large',
        `This file is larger than ${formatBytes(maxFileSize)} (policyAnnotator.maxFileSize), so it is not analysed.`,
      );
    }
    bytes = await fs.readFile(uri);
  } catch (error) {
    return failed(uri, DiagnosticSeverity.Error, 'file-unreadable', `This file cannot be read (${errorMessage(error)}).`);
  }
  return decodeSource(uri, bytes);
}

/** Decodes bytes as UTF-8 (a BOM is dropped); invalid UTF-8 yields `file-not-utf8`. */
export function decodeSource(uri: string, bytes: Uint8Array): SourceFile {
  try {
    return { uri, text: decoder.decode(bytes), problem: null };
  } catch {
    return failed(
      uri,
      DiagnosticSeverity.Error,
      'file-not-utf8',
      'This file is not UTF-8 text (binary, or another encoding), so it is not analysed.',
    );
  }
}

function failed(uri: string, severity: DiagnosticSeverity, code: string, message: string): SourceFile {
  const problem: Problem = { range: { start: START, end: START }, severity, code, message };
  return { uri, text: null, problem };
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)} MB` : `${+(n / 1000).toFixed(1)} KB`;
}

function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
