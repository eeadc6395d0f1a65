// Coding inputs of a statement for the CLI's check and export: its sidecar, and the codebook named by the
// nearest .policy-annotator.yaml (read once per directory per run).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCodebook, type Codebook } from '../core/coding/codebook';
import type { CodingOptions } from '../core/coding/codingAnalysis';
import { sidecarUri } from '../core/coding/codings';
import type { FileSystem } from '../core/fileSystem';
import { parseProjectConfig, PROJECT_CONFIG } from '../core/projectConfig';

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readText(fs: FileSystem, uri: string): Promise<string | null> {
  try {
    return decoder.decode(await fs.readFile(uri));
  } catch {
    return null;
  }
}

const codebooks = new Map<string, Promise<Codebook | null>>();

/** The codebook configured by the nearest .policy-annotator.yaml above `dir`, or null. */
export function codebookNear(fs: FileSystem, dir: string): Promise<Codebook | null> {
  let found = codebooks.get(dir);
  if (!found) {
    found = (async () => {
      const config = await readText(fs, pathToFileURL(path.join(dir, PROJECT_CONFIG)).href);
      if (config === null) return path.dirname(dir) === dir ? null : codebookNear(fs, path.dirname(dir));
      const value = parseProjectConfig(config).codebook;
      if (typeof value !== 'string' || value.trim() === '') return null;
      const uri = pathToFileURL(path.resolve(dir, value)).href;
      const text = await readText(fs, uri);
      return text === null ? null : parseCodebook(uri, text);
    })();
    codebooks.set(dir, found);
  }
  return found;
}

export async function cliCodingOptions(fs: FileSystem, statementUri: string): Promise<CodingOptions> {
  const sidecar = sidecarUri(statementUri);
  const text = await readText(fs, sidecar);
  const codebook = statementUri.startsWith('file:') ? await codebookNear(fs, path.dirname(fileURLToPath(statementUri))) : null;
  return { codebook, sidecar: text === null ? null : { uri: sidecar, text } };
}
