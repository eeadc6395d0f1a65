// Runs the extension-host suite (test/vscode) inside code-server's Node extension host.
//
// code-server serves VS Code's web workbench, which reads `extensionDevelopmentPath` and
// `extensionTestsPath` from the URL's `payload` parameter (the mechanism VS Code's own browser
// integration tests use) when the server runs with `enable-smoke-test-driver`. The workbench then
// loads the extension from the checkout in development mode, runs the suite's run() in the remote
// extension host, forwards console lines to `window.codeAutomationLog` and reports the exit code
// through `window.codeAutomationExit`.
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_PREFIX } from '../vscode/report';
import { removeTempDir } from './cleanup';
import {
  createProfile,
  launchChromium,
  readCachePaths,
  repoRoot,
  resultsDir,
  startCodeServer,
  type RunningBrowser,
  type RunningCodeServer,
} from './codeServer';

export interface HostSuiteResult {
  exitCode: number;
  /** The suite's own report lines (mocha's spec output and the closing count). */
  report: string[];
}

export async function runHostSuiteInCodeServer(options: {
  suitePath: string;
  workspace: string;
  timeoutMs: number;
  onReportLine?: (line: string) => void;
}): Promise<HostSuiteResult> {
  const paths = readCachePaths();
  const profile = createProfile('policy-annotator-host');
  let server: RunningCodeServer | undefined;
  let chromium: RunningBrowser | undefined;
  const report: string[] = [];
  fs.mkdirSync(resultsDir, { recursive: true });
  const consoleLog = fs.createWriteStream(path.join(resultsDir, 'extension-host-console.log'));
  try {
    server = await startCodeServer(paths, profile, {
      logName: 'code-server-extension-host',
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    chromium = await launchChromium(paths);
    const page = await chromium.browser.newPage();
    let finish!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = (Array.isArray(args) ? args : [args]).map(String).join(' ');
      consoleLog.write(`${type}: ${text}\n`);
      if (!text.startsWith(REPORT_PREFIX)) return;
      for (const line of text.slice(REPORT_PREFIX.length).split('\n')) {
        report.push(line);
        options.onReportLine?.(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const remote = (p: string) => `vscode-remote://${server!.authority}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(options.suitePath)],
      ['skipWelcome', 'true'],
    ]);
    const url = `${server.url}?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the extension-host suite did not finish within ${options.timeoutMs} ms; its report so far:\n${report.join('\n')}`)),
        options.timeoutMs,
      );
    });
    try {
      const exitCode = await Promise.race([exited, timedOut]);
      return { exitCode, report };
    } finally {
      clearTimeout(timer);
      await page.screenshot({ path: path.join(resultsDir, 'extension-host-suite.png') }).catch(() => undefined);
    }
  } finally {
    await chromium?.stop();
    await server?.stop();
    consoleLog.end();
    removeTempDir(profile.root);
  }
}
