// Runs the extension-host suite of test/vscode inside code-server (see hostSuite.ts for how), so that the
// same suite covers desktop VS Code (npm run test:vscode with VSCODE_EXECUTABLE) and this machine.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHostSuite } from '../vscode/build';
import { removeTempDir } from './cleanup';
import { copySamples, repoRoot } from './codeServer';
import { runHostSuiteInCodeServer } from './hostSuite';

test('the extension-host suite passes in code-server', { timeout: 600_000 }, async (t) => {
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(built.status, 0, `npm run build failed:\n${built.stdout}${built.stderr}`);
  const suitePath = await buildHostSuite();
  const workspace = copySamples('policy-annotator-host-workspace');
  try {
    const result = await runHostSuiteInCodeServer({ suitePath, workspace: workspace.folder, timeoutMs: 480_000 });
    for (const line of result.report) if (line.trim()) t.diagnostic(line);
    const summary = result.report.at(-1) ?? '';
    assert.equal(result.exitCode, 0, `the suite failed:\n${result.report.join('\n')}`);
    const counts = /^(\d+) passed, (\d+) failed/.exec(summary);
    assert.ok(counts, `the suite printed no summary:\n${result.report.join('\n')}`);
    assert.ok(Number(counts[1]) > 0 && counts[2] === '0', summary);
  } finally {
    removeTempDir(workspace.root);
  }
});
