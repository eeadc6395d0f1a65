// Every process the end-to-end tests start is registered here, so that it is ended by its own PID
// however the test ends: normally (the caller's finally block), by an uncaught error, or by a signal.

const tracked = new Map<number, { group: boolean; name: string }>();
let handlersInstalled = false;

/** Registers a started process; `group` means it leads its own process group (spawned detached). */
export function trackProcess(pid: number, name: string, options: { group: boolean }): void {
  installHandlers();
  tracked.set(pid, { group: options.group, name });
}

/** Ends one tracked process (its group when it leads one): SIGTERM, then SIGKILL after `graceMs`. */
export async function endProcess(pid: number, graceMs = 5000): Promise<void> {
  const entry = tracked.get(pid);
  if (!entry) return;
  signal(pid, entry.group, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signal(pid, entry.group, 'SIGKILL');
  tracked.delete(pid);
}

/** Synchronous last resort for exit and signal handlers. */
export function killAllTracked(): void {
  for (const [pid, entry] of tracked) signal(pid, entry.group, 'SIGKILL');
  tracked.clear();
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

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllTracked);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAllTracked();
      process.exit(128 + (sig === 'SIGHUP' ? 1 : sig === 'SIGINT' ? 2 : 15));
    });
  }
}
