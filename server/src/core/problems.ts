import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Findings without repeats: a catalog file may hold documents and entities, and both loaders then report the
 * same YAML syntax error at the same place.
 */
export function withoutRepeats<T extends Pick<Diagnostic, 'code' | 'message' | 'range'>>(findings: readonly T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.code, f.message, f.range]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
