// Every process the end-to-end tests start, and every temp folder they make, is registered here, so that
// the processes are ended by their own PID and the folders removed however the test ends: normally (the
// caller's finally block), by an uncaught error, or by a signal.
import fs from 'node:fs';

const processes = new Map<number, { group: boolean }>();
const tempDirs = new Set<string>();
let handlersInstalled = false;

/** Registers a started process; `group` means it leads its own process group (spawned detached). */
export function trackProcess(pid: number, options: { group: boolean }): void {
  installHandlers();
  processes.set(pid, options);
}

/** Ends one tracked process (its group when it leads one): SIGTERM, then SIGKILL after `graceMs`. */
export async function endProcess(pid: number, graceMs = 5000): Promise<void> {
  const entry = processes.get(pid);
  if (!entry) return;
  signal(pid, entry.group, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signal(pid, entry.group, 'SIGKILL');
  processes.delete(pid);
}

export function trackTempDir(dir: string): string {
  installHandlers();
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Synchronous last resort for the exit and signal handlers. */
function cleanUpEverything(): void {
  for (const [pid, entry] of processes) signal(pid, entry.group, 'SIGKILL');
  processes.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function signal(pid: number, group: boolean, sig: NodeJS.Signals): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // Already gone (ESRCH): nothing left to end.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', cleanUpEverything);
  for (const [name, number] of Object.entries(SIGNAL_NUMBERS)) {
    process.once(name, () => {
      cleanUpEverything();
      process.exit(128 + number);
    });
  }
}
