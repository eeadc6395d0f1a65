// Bundles the extension-host suite into out/test/vscode/index.js (vscode and mocha stay external:
// the host provides the one, the checkout's node_modules the other).
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
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}
