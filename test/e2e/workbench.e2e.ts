// End-to-end: the packaged .vsix, installed into a fresh code-server profile, used through the workbench UI
// in headless Chromium as a person would. Screenshots of each step go to test-results/e2e/.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { removeTempDir } from './cleanup';
import {
  copySamples,
  createProfile,
  installExtension,
  launchChromium,
  readCachePaths,
  repoRoot,
  resultsDir,
  startCodeServer,
  waitFor,
  type Profile,
  type RunningBrowser,
  type RunningCodeServer,
} from './codeServer';
import { Workbench } from './workbench';

const VSIX = path.join(repoRoot, 'dist', 'policy-annotator.vsix');
const COMMUNIQUE = 'ministerial-communique.stmt';
const JOINT = 'coalition-joint-statement.statement';

describe('Policy Annotator in a real VS Code workbench (code-server)', () => {
  let profile: Profile | undefined;
  let workspace: { root: string; folder: string } | undefined;
  let server: RunningCodeServer | undefined;
  let chromium: RunningBrowser | undefined;
  let workbench: Workbench;

  /** Runs one user-visible step and screenshots the window afterwards, whether it passed or failed. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } finally {
      await workbench?.screenshot(name).catch(() => undefined);
    }
  }

  before(
    async () => {
      const paths = readCachePaths();
      const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(packaged.status, 0, `npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
      assert.ok(fs.existsSync(VSIX), `${VSIX} was not written`);
      profile = createProfile('policy-annotator-e2e');
      installExtension(paths, profile, VSIX);
      workspace = copySamples('policy-annotator-e2e-workspace');
      server = await startCodeServer(paths, profile, { logName: 'code-server-e2e' });
      chromium = await launchChromium(paths);
      fs.rmSync(path.join(resultsDir, 'e2e'), { recursive: true, force: true });
      workbench = await Workbench.open(
        chromium.browser,
        `${server.url}?folder=${encodeURIComponent(workspace.folder)}`,
        path.join(resultsDir, 'e2e'),
      );
    },
    { timeout: 300_000 },
  );

  after(async () => {
    await chromium?.stop();
    await server?.stop();
    if (profile) removeTempDir(profile.root);
    if (workspace) removeTempDir(workspace.root);
  });

  test('opening a statement with Quick Open sets the language mode "Policy Statement"', async () => {
    await step('open-statement', async () => {
      await workbench.quickOpen(COMMUNIQUE);
      assert.equal(await workbench.waitForLanguageMode('Policy Statement'), 'Policy Statement');
    });
  });

  test('the Outline view lists the title and the paragraphs', async () => {
    await step('outline', async () => {
      const rows = await workbench.outlineRows((r) => r.some((t) => t.startsWith('6. ')));
      // Each row as its marker (first word) and its kind; the title row whole.
      const brief = (row: string) => `${row.split(' ')[0]} ${row.slice(row.lastIndexOf('('))}`;
      assert.deepEqual(
        [rows[0], ...rows.slice(1).map(brief)],
        [
          'Communiqué of the Foreign Ministers’ Meeting on the Lake Chad Basin (title)',
          '1. (numbered)',
          '2. (numbered)',
          '4. (numbered)',
          '5. (numbered)',
          '6. (numbered)',
        ],
        `outline rows:\n${rows.join('\n')}`,
      );
      assert.ok(rows[3].startsWith('4. The Ministers recalled General Assembly resolution 70/1'), rows[3]);
    });
  });

  test('a hover on a paragraph marker shows the paragraph card', async () => {
    await step('paragraph-hover', async () => {
      await workbench.focusEditor();
      await workbench.goTo(5, 4);
      const text = await workbench.hoverText('Paragraph 4');
      assert.match(text, /Paragraph 4 · numbered/);
      assert.match(text, /\d+ words · \d+ sentences/);
    });
  });

  test('the Problems panel lists the seeded numbering gap', async () => {
    await step('problems', async () => {
      const rows = await workbench.problemRows((r) => r.some((t) => t.includes('paragraph 3 is missing')));
      const gap = rows.find((t) => t.includes('paragraph 3 is missing'))!;
      assert.match(gap, /Numbering skips: paragraph 3 is missing\./);
      assert.match(gap, /paragraph-number-gap/);
      assert.match(gap, /\[Ln 5, Col 3\]/);
    });
  });

  test('the Problems panel lists the unresolved reference', async () => {
    await step('problems-unresolved-reference', async () => {
      const rows = await workbench.problemRows((r) => r.some((t) => t.includes('9999 does not exist')));
      const unresolved = rows.find((t) => t.includes('9999 does not exist'))!;
      assert.match(
        unresolved,
        /Security Council resolution 9999 does not exist: the Security Council adopted resolutions 2337–2397 in 2017\./,
      );
      assert.match(unresolved, /unresolved-reference/);
      assert.match(unresolved, /\[Ln 6, Col 76\]/);
    });
  });

  test('a hover over a resolution reference shows its card', async () => {
    await step('reference-hover', async () => {
      await workbench.openFromExplorer(JOINT);
      await workbench.goTo(9, 122); // in "UNSCR 2254"
      // The link's tooltip shows first; the card follows when the server answers.
      const text = await workbench.hoverText('Security Council resolution 2254');
      assert.match(text, /S\/RES\/2254 \(2015\) · Security Council resolution 2254 · in the catalog/);
      assert.match(text, /Adopted 18 December 2015/);
      assert.match(text, /Official document/);
    });
  });

  test('a hover over an entity shows its card', async () => {
    await step('entity-hover', async () => {
      await workbench.goTo(3, 94); // in "Da’esh"
      const text = await workbench.hoverText('Islamic State in Iraq and the Levant');
      assert.match(text, /Islamic State in Iraq and the Levant · organization/);
      assert.match(text, /Named here by an alias: Da’esh/);
    });
  });

  test('Go to Definition on a reference moves the cursor to its catalog entry', async () => {
    await step('go-to-definition', async () => {
      await workbench.goTo(9, 122); // in "UNSCR 2254"
      await workbench.page.keyboard.press('Escape');
      await workbench.page.keyboard.press('F12');
      await workbench.waitForActiveEditor('security-council.catalog.json');
      // The entry's opening brace, one line above its symbol in the packaged catalog.
      const catalog = fs.readFileSync(path.join(repoRoot, 'server', 'data', 'catalogs', 'security-council.catalog.json'), 'utf8');
      const symbolLine = catalog.split('\n').findIndex((line) => line.includes('"symbol": "S/RES/2254 (2015)"'));
      assert.ok(symbolLine > 0, 'the catalog has S/RES/2254 (2015)');
      await workbench.waitForCursor(symbolLine, 5);
    });
  });

  test('"Treat This File as a Policy Statement" switches another file\'s language mode', async () => {
    await step('treat-as-statement', async () => {
      await workbench.openFromExplorer('README.md');
      await workbench.waitForLanguageMode('Markdown');
      await workbench.runCommand('Policy Annotator: Treat This File as a Policy Statement');
      assert.equal(await workbench.waitForLanguageMode('Policy Statement'), 'Policy Statement');
    });
  });

  test('"Tag Paragraph with Codes…" writes the chosen code into the statement', async () => {
    await step('tag-paragraph', async () => {
      const file = path.join(workspace!.folder, COMMUNIQUE);
      const before = fs.readFileSync(file, 'utf8');
      await workbench.openFromExplorer(COMMUNIQUE);
      await workbench.goTo(3, 6); // paragraph 1
      await workbench.runCommand('Policy Annotator: Tag Paragraph with Codes…');
      await workbench.toggleQuickPickItem('HUM.AID');
      await workbench.screenshot('tag-paragraph-pick');
      await workbench.acceptQuickPick();
      // The server's edit lands in the editor (saved at once when auto save is on); save until it is on disk.
      const after = await waitFor(
        async () => {
          await workbench.page.keyboard.press('Control+S');
          const text = fs.readFileSync(file, 'utf8');
          return text !== before ? text : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 1_000, what: `the codings to be written to ${COMMUNIQUE}` },
      );
      assert.equal(
        after,
        '---\ncodings:\n  - paragraph: "1"\n    codes: [HUM.AID]\n    quote: "The Foreign Ministers of the participating"\n---\n' + before,
      );
    });
  });

  test('the extension host log shows the extension activated without errors', async () => {
    const logs = path.join(profile!.userDataDir, 'logs');
    const read = (pattern: RegExp) =>
      (fs.readdirSync(logs, { recursive: true }) as string[])
        .filter((file) => pattern.test(file.split(path.sep).join('/')))
        .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'))
        .join('\n');
    const host = await waitFor(
      () => {
        const text = read(/exthost\d*\/remoteexthost\.log$/);
        return /_doActivateExtension policy-annotator\.policy-annotator\b/.test(text) ? text : undefined;
      },
      { timeoutMs: 10_000, what: 'the extension host to log the activation of policy-annotator' },
    );
    assert.doesNotMatch(host, /Activating extension policy-annotator\.policy-annotator failed/);
    assert.doesNotMatch(read(/policy-annotator\.policy-annotator\/[^/]+\.log$/), /\[error\]/);
  });
});
