// `npm run test:vscode`: runs the extension-host suite (test/vscode/extension.suite.ts) in a real VS Code.
//   VSCODE_TEST_HOST=electron     desktop VS Code through @vscode/test-electron: the build at VSCODE_EXECUTABLE,
//                                 or else one it downloads (VSCODE_VERSION, default stable) where the network allows.
//   VSCODE_TEST_HOST=code-server  code-server's Node extension host (installed by test/e2e/setup.sh).
// Default: electron when VSCODE_EXECUTABLE is set, code-server otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { removeTempDir, trackTempDir } from '../e2e/cleanup';
import { copySamples, repoRoot } from '../e2e/codeServer';
import { runHostSuiteInCodeServer } from '../e2e/hostSuite';
import { buildHostSuite } from './build';

const SUITE_TIMEOUT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const host = process.env.VSCODE_TEST_HOST ?? (process.env.VSCODE_EXECUTABLE ? 'electron' : 'code-server');
  if (host !== 'electron' && host !== 'code-server') {
    console.error(`VSCODE_TEST_HOST must be "electron" or "code-server", not "${host}"`);
    return 2;
  }
  run('npm', ['run', '--silent', 'build']);
  const suitePath = await buildHostSuite();
  const workspace = copySamples('policy-annotator-vscode');
  try {
    if (host === 'electron') return await runInElectron(suitePath, workspace.folder);
    run('bash', [path.join(repoRoot, 'test', 'e2e', 'setup.sh')]);
    const result = await runHostSuiteInCodeServer({
      suitePath,
      workspace: workspace.folder,
      timeoutMs: SUITE_TIMEOUT_MS,
      onReportLine: (line) => console.log(line),
    });
    return result.exitCode;
  } finally {
    removeTempDir(workspace.root);
  }
}

async function runInElectron(suitePath: string, workspace: string): Promise<number> {
  const userDataDir = trackTempDir(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-electron-')));
  try {
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suitePath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userDataDir],
    });
  } catch (error) {
    console.error(`VS Code could not be started or the suite failed: ${error instanceof Error ? error.message : error}`);
    console.error('Set VSCODE_EXECUTABLE to a VS Code build, or VSCODE_TEST_HOST=code-server to use code-server.');
    return 1;
  } finally {
    removeTempDir(userDataDir);
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
