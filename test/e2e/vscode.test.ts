// AWS Patterns in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven through Debian's
// Chromium by playwright-core. One code-server for the whole file, in its own process group,
// always stopped. The UI tests use the packaged .vsix installed with --install-extension; the
// extension-host suite loads the extension from the repository folder instead.
// Screenshots: test-results/e2e/. Logs: .e2e/vscode/.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { installExtension, startCodeServer, type CodeServer } from './code-server';
import { copyWorkspace, enterScratch, repoRoot, requireTools, suiteIndex, vsixPath } from './env';
import { runExtensionHostSuite } from './extension-host';
import { launchChromium, type BrowserContext, type Page } from './playwright';
import {
  activeEditor, openFile, openWorkbench, problems, runCommand, screenshot, UI_TIMEOUT, waitForEditorText, waitForExplorer,
} from './workbench';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string; name: string; version: string; engines: { vscode: string };
  contributes?: { snippets?: { language: string; path: string }[] };
};
const extensionId = `${manifest.publisher}.${manifest.name}`;

let scratch = '';
let server: CodeServer | undefined;
let browser: BrowserContext | undefined;
let installLog = '';
const pages: Page[] = [];

before(async () => {
  requireTools();
  assert.ok(existsSync(suiteIndex), `${suiteIndex} is missing: run node scripts/build-suite.mjs first`);
  scratch = enterScratch('vscode');
  // Installed before the server starts, so every window sees it from its first scan.
  installLog = installExtension(scratch, vsixPath());
  server = await startCodeServer(scratch);
  browser = await launchChromium(join(scratch, 'chromium-profile'));
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

/** A fresh window on a private copy of the sample workspace, ready for input. */
async function newWindow(name: string, prepare?: (workspace: string) => void): Promise<Page> {
  const workspace = copyWorkspace(scratch, name);
  prepare?.(workspace);
  const page = await openWorkbench(browser!, server!.url, workspace);
  pages.push(page);
  await waitForExplorer(page, 'policies');
  return page;
}

/** Screenshot on failure too: the picture of what the window showed is the best bug report. */
async function withShot(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await screenshot(page, name);
  } catch (err) {
    await screenshot(page, `${name}-FAILED`).catch(() => undefined);
    throw err;
  } finally {
    await page.close().catch(() => undefined);
  }
}

test(`engines.vscode (${manifest.engines.vscode}) admits VS Code 1.100, the version code-server 4.100.3 ships`, () => {
  const m = /^\^?(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
  assert.ok(m, `engines.vscode ${manifest.engines.vscode} is not of the form ^1.N.0`);
  assert.ok(Number(m[1]) === 1 && Number(m[2]) <= 100, `engines.vscode ${manifest.engines.vscode} is newer than 1.100`);
});

test('the .vsix installs with code-server --install-extension', () => {
  assert.match(installLog, new RegExp(`${extensionId.replace('.', '\\.')}@${manifest.version.replace(/\./g, '\\.')}`, 'i'));
});

test('extension-host suite (test/suite, Mocha, extension loaded from its folder) passes inside code-server', async () => {
  const result = await runExtensionHostSuite(browser!, server!.url, {
    workspace: copyWorkspace(scratch, 'extension-host'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteIndex,
    timeoutMs: 180_000,
  });
  writeFileSync(join(scratch, 'extension-host-console.log'), result.output.join('\n'));
  assert.equal(result.exitCode, 0, 'the suite failed; its Mocha report is above and in .e2e/vscode/extension-host-console.log');
  assert.ok(result.output.some((l) => /\d+ passing/.test(l)), 'Mocha reported no passing tests');
});

test('UI: opening a policy JSON and a CDK file lists their findings in the Problems panel', async () => {
  const page = await newWindow('ui-problems');
  await withShot(page, 'problems-panel', async () => {
    await openFile(page, 'reports-read.json');
    await activeEditor(page).locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    await openFile(page, 'storage-stack.ts');
    await activeEditor(page).locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const rows = await problems(page, [/iam-wildcard-action/, /s3-bucket-enforce-ssl/]);
    const ours = rows.filter((r) => r.includes('aws-patterns'));
    assert.ok(ours.some((r) => /reports-read\.json|iam-wildcard-action.*\[Ln 7/.test(r)), `policy finding missing: ${ours.join(' | ')}`);
    assert.ok(ours.filter((r) => /iam-wildcard-action/.test(r)).length >= 2, 'wildcard action in both the JSON and the TypeScript statement');
  });
});

test('UI: hovering a finding shows the rule and the guide\'s ✅ pattern', async () => {
  const page = await newWindow('ui-hover');
  await withShot(page, 'hover-guidance', async () => {
    await openFile(page, 'reports-read.json');
    await activeEditor(page).locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    await activeEditor(page).locator('.view-line span').filter({ hasText: /^"s3:\*"$/ }).last().hover();
    // The hover stacks the problem's message and our guidance; wait for the guidance part.
    const guidance = page.locator('.monaco-hover-content').filter({ hasText: '✅' }).first();
    await guidance.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await guidance.innerText(), /iam-wildcard-action/);
  });
});

test('UI: hovering a CDK bucket shows the guide\'s checklist for it', async () => {
  const page = await newWindow('ui-hover-construct');
  await withShot(page, 'hover-construct-checklist', async () => {
    await openFile(page, 'storage-stack.ts');
    await activeEditor(page).locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    // From the keyboard: cursor on the construct, Ctrl+K Ctrl+I shows the hover, again focuses it,
    // and End scrolls it to its end, where the checklist is (the bucket's findings come first).
    await activeEditor(page).locator('.view-line span').filter({ hasText: /^Bucket$/ }).first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const checklist = page.locator('.monaco-hover-content').filter({ hasText: '✗' }).first();
    await checklist.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await checklist.innerText(), /✗[^\n]*enforceSSL: true/);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover:focus-within').first().waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('End');
  });
});

test('UI: the lightbulb quick fix (Ctrl+.) rewrites the wildcard action', async () => {
  const page = await newWindow('ui-quick-fix');
  await withShot(page, 'quick-fix-applied', async () => {
    await openFile(page, 'reports-read.json');
    const editor = activeEditor(page);
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const wildcard = editor.locator('.view-line span').filter({ hasText: /^"s3:\*"$/ }).last();
    const lightBulb = page.locator('.lightBulbWidget').first();
    await wildcard.click();
    // The lightbulb follows the cursor after a delay, and a click that lands while the editor is
    // still busy can go without one (1 run in 6 under load): click once more before failing.
    await lightBulb.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      await wildcard.click();
      await lightBulb.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    });
    await page.keyboard.press('Control+.');
    // The menu opens with its first fix focused; Enter applies it (as a user would).
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    await focused.waitFor({ timeout: UI_TIMEOUT });
    const title = (await focused.getAttribute('aria-label')) ?? '';
    assert.equal(title, await page.locator('.action-widget .monaco-list-row.action').first().getAttribute('aria-label'));
    await screenshot(page, 'quick-fix-menu');
    await page.keyboard.press('Enter');
    const text = await waitForEditorText(page, (t) => !t.includes('"s3:*"') && /"s3:[A-Z]/.test(t), `the fix "${title}" applied`);
    assert.match(text, /"Action"/);
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });
});

test('UI: typing a snippet prefix and accepting it inserts the ✅ pattern', async () => {
  const { prefix, expectedLine } = snippetExpectation('typescript', 'aws-lambda-handler');
  const page = await newWindow('ui-snippet', (ws) => writeFileSync(join(ws, 'cdk/new-handler.ts'), ''));
  await withShot(page, 'snippet-inserted', async () => {
    await openFile(page, 'new-handler.ts');
    await activeEditor(page).locator('.view-lines').click();
    await page.keyboard.type(prefix);
    const row = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: prefix }).first();
    await row.waitFor({ timeout: UI_TIMEOUT }).catch(async () => {
      await page.keyboard.press('Control+Space'); // quick suggestions can miss a hyphenated word: ask explicitly
      await row.waitFor({ timeout: UI_TIMEOUT });
    });
    // The exact prefix ranks first: Enter accepts the focused suggestion, as a user would.
    await page.locator('.suggest-widget .monaco-list-row.focused').filter({ hasText: prefix }).waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'snippet-suggested');
    await page.keyboard.press('Enter');
    await waitForEditorText(page, (t) => t.includes(expectedLine), `the snippet line "${expectedLine}"`);
  });
});

test('UI: "AWS Patterns: Audit Workspace" from the command palette shows the summary', async () => {
  const page = await newWindow('ui-audit');
  await withShot(page, 'audit-summary', async () => {
    await runCommand(page, 'AWS Patterns: Audit Workspace');
    // Files never opened get their findings in the Problems panel; cdk.out (build output) does not.
    const rows = await problems(page, [/admin\.json/, /iam-wildcard-action/, /s3-bucket-enforce-ssl/]);
    assert.ok(!rows.some((r) => r.includes('StorageStack.template.json')), 'the audit reported cdk.out');
    // The summary is a Markdown preview: a webview, whose content lives in nested frames.
    await page.locator('.tab[aria-label*="AWS Patterns audit"]').first().waitFor({ timeout: UI_TIMEOUT });
    const summary = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    await summary.filter({ hasText: 'AWS Patterns audit' }).waitFor({ timeout: UI_TIMEOUT });
    const text = await summary.innerText();
    for (const expected of ['admin.json', 'storage-stack.ts', 'iam-wildcard-action', 's3-bucket-enforce-ssl']) {
      assert.ok(text.includes(expected), `the summary does not mention ${expected}:\n${text}`);
    }
    assert.ok(!text.includes('StorageStack.template.json'), 'the summary lists cdk.out');
  });
});

/** The prefix of a contributed snippet and one line of its body with no placeholder in it. */
function snippetExpectation(language: string, prefix: string): { prefix: string; expectedLine: string } {
  for (const contribution of (manifest.contributes?.snippets ?? []).filter((s) => s.language === language)) {
    const snippets = JSON.parse(readFileSync(join(repoRoot, contribution.path), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    for (const s of Object.values(snippets)) {
      if (![s.prefix].flat().includes(prefix)) continue;
      const line = [s.body].flat().map((l) => l.trim()).find((l) => l.length > 10 && !/[$\\]/.test(l));
      if (line) return { prefix, expectedLine: line };
    }
  }
  throw new Error(`no ${language} snippet "${prefix}" with a placeholder-free line in package.json's snippets`);
}
