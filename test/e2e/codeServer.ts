// Starts a real VS Code workbench (code-server, installed by test/e2e/setup.sh) in a fresh profile on
// loopback, and a headless Chromium to drive it; both are ended by PID (see processes.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { endProcess, trackProcess, trackTempDir } from './cleanup';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results');

export interface CachePaths {
  node: string;
  codeServer: string;
  chromium: string;
}

/** Reads the tool paths that setup.sh wrote; fails with the command to run when setup has not run. */
export function readCachePaths(): CachePaths {
  const cache =
    process.env.POLICY_ANNOTATOR_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'policy-annotator-e2e');
  const file = path.join(cache, 'paths.env');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`bash test/e2e/setup.sh\` first (npm run test:e2e does).`);
  }
  const vars = Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const paths = { node: vars.E2E_NODE, codeServer: vars.E2E_CODE_SERVER, chromium: vars.E2E_CHROMIUM };
  for (const [name, p] of Object.entries(paths)) {
    if (!p || !fs.existsSync(p)) throw new Error(`${name} not found at "${p}" (from ${file}): rerun test/e2e/setup.sh`);
  }
  return paths as CachePaths;
}

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

/** A fresh, throw-away code-server profile whose settings keep the editor area clear for the tests. */
export function createProfile(prefix: string): Profile {
  const root = trackTempDir(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)));
  const profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'code-server.yaml'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir);
  fs.writeFileSync(
    path.join(profile.userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.ignoreRecommendations': true,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
      },
      null,
      2,
    ),
  );
  // code-server otherwise writes a config with a password into ~/.config.
  fs.writeFileSync(profile.configFile, 'auth: none\n');
  return profile;
}

/** A copy of the repository's samples (`folder`) in a temp folder (`root`), so tests may change files freely. */
export function copySamples(prefix: string): { root: string; folder: string } {
  const root = trackTempDir(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)));
  const folder = path.join(root, 'samples');
  fs.cpSync(path.join(repoRoot, 'samples'), folder, { recursive: true });
  return { root, folder };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Installs a packaged extension into the profile with code-server's own CLI. */
export function installExtension(paths: CachePaths, profile: Profile, vsix: string): void {
  const result = spawnSync(
    paths.node,
    [
      paths.codeServer,
      '--config', profile.configFile,
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      '--install-extension', vsix,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${output}`);
  }
}

export interface RunningCodeServer {
  /** host:port, also the remote authority of vscode-remote:// URIs. */
  authority: string;
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startCodeServer(
  paths: CachePaths,
  profile: Profile,
  options: { logName: string; extraArgs?: string[] },
): Promise<RunningCodeServer> {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  fs.mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, `${options.logName}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    paths.node,
    [
      paths.codeServer,
      '--auth', 'none',
      '--bind-addr', authority,
      '--config', profile.configFile,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      ...(options.extraArgs ?? []),
    ],
    // Its own process group, so that stopping it also ends its extension host and language server.
    { detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error('code-server did not start');
  const pid = child.pid;
  trackProcess(pid, { group: true });
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  const server: RunningCodeServer = { authority, url: `http://${authority}/`, pid, logFile, stop: () => endProcess(pid) };
  try {
    await waitFor(
      async () => {
        if (exitCode !== null) throw new Error(`code-server exited with ${exitCode}:\n${tail(logFile)}`);
        const response = await fetch(`${server.url}healthz`).catch(() => undefined);
        return response?.ok ?? false;
      },
      { timeoutMs: 60_000, what: `code-server to answer on ${authority}` },
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

export interface RunningBrowser {
  browser: Browser;
  stop(): Promise<void>;
}

/** Headless Debian Chromium with the flags that keep it from reaching for hosts it cannot reach. */
export async function launchChromium(paths: CachePaths): Promise<RunningBrowser> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: paths.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pid = server.process().pid;
  if (pid !== undefined) trackProcess(pid, { group: false });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      if (pid !== undefined) await endProcess(pid);
    },
  };
}

/** Polls `condition` until it returns a truthy value; fails with `what` and the last error on time-out. */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: { timeoutMs: number; what: string; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      // An exit of the process under test is final; other errors may be transient.
      if (error instanceof Error && /exited with/.test(error.message)) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
