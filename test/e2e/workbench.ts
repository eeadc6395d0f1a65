// Drives the VS Code workbench in Chromium as a keyboard-and-mouse user would, reading results back from
// the DOM. Every read polls with a time-out: the language server answers asynchronously.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { waitFor } from './codeServer';

const UI_TIMEOUT_MS = 30_000;
export class Workbench {
  private shots = 0;

  private constructor(
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  static async open(browser: Browser, url: string, shotsDir: string): Promise<Workbench> {
    fs.mkdirSync(shotsDir, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    return new Workbench(page, shotsDir);
  }

  /** Saves a numbered screenshot of the whole window. */
  async screenshot(name: string): Promise<string> {
    this.shots += 1;
    const file = path.join(this.shotsDir, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Opens a file with Quick Open (Ctrl+P). In a fresh profile the file search needs a few seconds before it
   * finds anything, so an attempt that shows no match is closed and made again.
   */
  async quickOpen(fileName: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const match = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(fileName) }) })
      .first();
    await waitFor(
      async () => {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+P');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(fileName);
        await match.waitFor({ state: 'visible', timeout: 10_000 });
        return true;
      },
      { timeoutMs: 60_000, what: `Quick Open to find ${fileName}` },
    );
    await this.page.keyboard.press('Enter');
    await this.waitForActiveEditor(fileName);
  }

  /** Opens a file by clicking its row in the Explorer, then waits until its editor is the active one. */
  async openFromExplorer(fileName: string): Promise<void> {
    const row = this.page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(fileName) }) });
    await row.first().click({ timeout: UI_TIMEOUT_MS });
    // A single click previews the file but leaves the keyboard in the Explorer.
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await this.focusEditor();
    await this.waitForActiveEditor(fileName);
  }

  async waitForActiveEditor(fileName: string): Promise<void> {
    await this.page
      .locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`)
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  }

  /** The language mode shown in the status bar, once it reads `expected`. */
  async waitForLanguageMode(expected: string): Promise<string> {
    return this.waitForText(this.page.locator('[id="status.editor.mode"]'), expected, 'the language mode');
  }

  /** Runs a command through the Command Palette (F1), choosing the entry whose label is `label`. */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(`>${label}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ hasText: label })
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
  }

  /** Ticks (or unticks) the checkbox of the row of a multi-select quick pick whose label is `label`. */
  async toggleQuickPickItem(label: string): Promise<void> {
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const checkbox = row.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first();
    const wasChecked = await row.getAttribute('aria-checked');
    await checkbox.click();
    await waitFor(async () => (await row.getAttribute('aria-checked')) !== wasChecked, {
      timeoutMs: UI_TIMEOUT_MS,
      what: `the checkbox of ${label} to change`,
    });
  }

  /** Accepts a multi-select quick pick with its OK button (Enter on a focused row would toggle the row). */
  async acceptQuickPick(): Promise<void> {
    await this.page.locator('.quick-input-widget .monaco-button', { hasText: exactly('OK') }).click({ timeout: UI_TIMEOUT_MS });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  /** Moves the cursor with Go to Line (Ctrl+G) to a 1-based line and column, and waits for the status bar. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.waitForCursor(line, column);
  }

  async waitForCursor(line: number, column: number): Promise<void> {
    await this.waitForText(this.page.locator('[id="status.editor.selection"]'), `Ln ${line}, Col ${column}`, 'the cursor position');
  }

  /** Cursor position from the status bar, as [line, column] (1-based). */
  async cursor(): Promise<[number, number]> {
    const text = (await this.page.locator('[id="status.editor.selection"]').innerText()).trim();
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar ("${text}")`);
    return [Number(match[1]), Number(match[2])];
  }

  /** Shows the hover at the cursor as a keyboard user does (Ctrl+K Ctrl+I) and returns its text once it contains `expected`. */
  async hoverText(expected: string | RegExp): Promise<string> {
    return waitFor(
      async () => {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
        await hover.waitFor({ state: 'visible', timeout: 5_000 });
        const text = await hover.innerText();
        return matches(text, expected) ? text : undefined;
      },
      { timeoutMs: UI_TIMEOUT_MS, what: `a hover containing ${expected}` },
    );
  }

  /** Rows of the Outline view as "name (detail)", once `done` holds for them. */
  async outlineRows(done: (rows: string[]) => boolean): Promise<string[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const rows = this.page.locator('.outline-pane .monaco-list-row');
    // Anonymous page functions only: tsx wraps named ones in a helper (__name) that the page lacks.
    const read = () =>
      rows.evaluateAll((elements) =>
        elements.map(
          (row) =>
            `${row.querySelector('.label-name')?.textContent ?? ''} (${row.querySelector('.label-description')?.textContent ?? ''})`,
        ),
      );
    return this.rowsWhen(read, done, 'the Outline view');
  }

  /** Rows of the Problems panel (Ctrl+Shift+M toggles it: pressed only when it is hidden), once `done` holds for them. */
  async problemRows(done: (rows: string[]) => boolean): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const rows = panel.locator('.monaco-list-row');
    return this.rowsWhen(() => rows.allInnerTexts(), done, 'the Problems panel');
  }

  /** Gives the keyboard back to the active editor. */
  async focusEditor(): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
  }

  /** Reads the rows until `done` holds for them (whitespace collapsed). */
  private async rowsWhen(read: () => Promise<string[]>, done: (rows: string[]) => boolean, what: string): Promise<string[]> {
    let last: string[] = [];
    try {
      return await waitFor(
        async () => {
          last = (await read()).map((t) => t.replace(/\s+/g, ' ').trim());
          return done(last) ? last : undefined;
        },
        { timeoutMs: UI_TIMEOUT_MS, what },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last rows:\n  ${last.join('\n  ')}`);
    }
  }

  private async waitForText(locator: Locator, expected: string, what: string): Promise<string> {
    let last = '';
    try {
      return await waitFor(
        async () => {
          last = (await locator.innerText({ timeout: 1_000 })).trim();
          return last.includes(expected) ? last : undefined;
        },
        { timeoutMs: UI_TIMEOUT_MS, what: `${what} to read "${expected}"` },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message} (it reads "${last}")`);
    }
  }
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}
