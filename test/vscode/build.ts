// Bundles the extension-host suite, mocha included, into out/test/vscode/index.js; only `vscode` stays
// external (the host provides it). Bundling mocha matters: mocha 12 is an ES module, which the Node of
// older VS Code builds (1.91 runs Node 20.9) cannot require().
import { build } from 'esbuild';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

export async function buildHostSuite(): Promise<string> {
  const outfile = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
  await build({
    entryPoints: [path.join(repoRoot, 'test', 'vscode', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}
