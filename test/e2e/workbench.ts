// Driving the VS Code workbench that code-server serves, through its DOM. Every step waits for a
// UI condition (a row, a tab, a widget, a text) with a timeout; none sleeps for a fixed time.
// Selectors are the ones VS Code 1.100 renders.
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from './playwright';
import { screenshotDir } from './env';

// AWS_PATTERNS_E2E_UI_TIMEOUT shortens it where failure is the expected outcome (prove-failure.sh).
export const UI_TIMEOUT = Number(process.env.AWS_PATTERNS_E2E_UI_TIMEOUT ?? 30_000);

/** Opens the workbench on `folder` (plus an optional `payload`, e.g. extension development paths). */
export async function openWorkbench(
  context: BrowserContext, serverUrl: string, folder: string,
  options: { payload?: [string, string][]; onConsole?: (type: string, text: string) => void } = {},
): Promise<Page> {
  const page = await context.newPage();
  if (options.onConsole) {
    const forward = options.onConsole;
    page.on('console', (msg) => forward(msg.type(), msg.text()));
  }
  let url = `${serverUrl}/?folder=${encodeURIComponent(folder)}`;
  if (options.payload) url += `&payload=${encodeURIComponent(JSON.stringify(options.payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: UI_TIMEOUT });
  await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT });
  return page;
}

/**
 * The `remoteAuthority` code-server writes into the workbench page's settings; files on the
 * server are `vscode-remote://<authority>/abs/path` to the workbench.
 */
export async function remoteAuthority(serverUrl: string, folder: string): Promise<string> {
  const html = await (await fetch(`${serverUrl}/?folder=${encodeURIComponent(folder)}`)).text();
  const m = /&quot;remoteAuthority&quot;:&quot;([^&]+)&quot;/.exec(html);
  if (!m) throw new Error('no remoteAuthority in the workbench page');
  return m[1];
}

/** Waits until the Explorer shows the workspace, i.e. the window is ready for input. */
export async function waitForExplorer(page: Page, fileName: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`).first().waitFor({ timeout: UI_TIMEOUT });
}

/** Quick Open (Ctrl+P) a file by name and wait for its editor tab. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(fileName);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${fileName}"]`).first().waitFor({ timeout: UI_TIMEOUT });
  await activeEditor(page).locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The text of the active editor as rendered (Monaco renders spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  const lines = await activeEditor(page).locator('.view-lines .view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Waits until the rendered editor text satisfies `predicate`; returns it. */
export async function waitForEditorText(page: Page, predicate: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + UI_TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    text = await editorText(page);
    if (predicate(text)) return text;
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a wait for a result
  }
  throw new Error(`editor text never showed ${what}; last text:\n${text}`);
}

/** Opens the Problems panel and returns its rows' text once `expected` all appear. */
export async function problems(page: Page, expected: RegExp[]): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  // Ctrl+Shift+M toggles the panel: press it only when the panel is not showing.
  if ((await page.locator('.markers-panel:visible').count()) === 0) await page.keyboard.press('Control+Shift+M');
  await rows.first().waitFor({ timeout: UI_TIMEOUT });
  for (const re of expected) await rows.filter({ hasText: re }).first().waitFor({ timeout: UI_TIMEOUT });
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

let shotCounter = 0;
/** Saves a screenshot as test-results/e2e/NN-name.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  shotCounter += 1;
  const path = join(screenshotDir, `${String(shotCounter).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  return path;
}
