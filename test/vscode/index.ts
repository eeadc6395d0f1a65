// The extension-host side of `npm run test:vscode`: VS Code (desktop through @vscode/test-electron, or
// code-server) loads this bundle as `--extensionTestsPath` and awaits run(); a rejection fails the run.
import Mocha from 'mocha';
import { format } from 'node:util';
import { REPORT_PREFIX } from './report';

export async function run(): Promise<void> {
  const report = (...data: unknown[]) => console.log(REPORT_PREFIX + format(...data));
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 45_000, reporter: 'spec' });
  // The suites use mocha's exported `suite`/`test`, which delegate to the interface set up here.
  mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
  await import('./extension.suite');
  const runner = await new Promise<Mocha.Runner>((resolve) => {
    const r = mocha.run(() => resolve(r));
  });
  const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
  report(`${passes} passed, ${failures} failed, ${pending} skipped`);
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
  if (passes === 0) throw new Error('no extension-host test ran');
}
