// The first-run walkthrough in a real VS Code (code-server 4.100.3, the packaged .vsix), clicked
// through as a new user would: each step's button runs its command, the command does what the
// step promises, and the step is checked off. One window for the five steps, in order, since each
// builds on the one before (the sample policy the later steps work on).
// Screenshot: test-results/e2e/NN-walkthrough-sample.png. Logs: .e2e/walkthrough/.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WALKTHROUGH_ID } from '../../shared/settings';
import { installExtension, startCodeServer, type CodeServer } from './code-server';
import { copyWorkspace, enterScratch, repoRoot, requireTools, vsixPath } from './env';
import { launchChromium, type BrowserContext, type Page } from './playwright';
import { activeEditor, openWorkbench, screenshot, UI_TIMEOUT, waitForEditorText, waitForExplorer } from './workbench';

interface Step {
  id: string;
  title: string;
  description: string;
}
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[] };
};
const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID)!;

let server: CodeServer | undefined;
let browser: BrowserContext | undefined;
let scratch = '';

before(async () => {
  requireTools();
  scratch = enterScratch('walkthrough');
  installExtension(scratch, vsixPath());
  server = await startCodeServer(scratch);
  // Reduced motion: the walkthrough then focuses a step as soon as it is selected, instead of
  // 250 ms later (after its slide animation). A person reads the step before pressing its button;
  // a test clicks within milliseconds, and the late focus would land on top of the editor the
  // command just focused, closing the hover or the quick fix menu it opened.
  const settingsPath = join(server.userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(settingsPath, JSON.stringify({ ...settings, 'workbench.reduceMotion': 'on', 'workbench.welcomePage.preferReducedMotion': true }, null, 2));
  browser = await launchChromium(join(scratch, 'chromium-profile'));
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

/**
 * Runs a palette command once the window knows it. A fresh window lists an extension's commands
 * only after the remote extension host has scanned the extensions, which can come after the
 * Explorer shows: until then the palette is closed and asked again.
 */
async function runOurCommand(p: Page, title: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  const input = p.locator('.quick-input-widget input');
  for (;;) {
    await p.keyboard.press('F1');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill(`>${title}`);
    const found = await p.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first()
      .waitFor({ timeout: 2_000 }).then(() => true, () => false);
    if (found) break;
    if (Date.now() > deadline) throw new Error(`"${title}" never appeared in the command palette`);
    await p.keyboard.press('Escape');
  }
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * Brings the walkthrough to the front (the first time from the palette, as its command promises;
 * then by its tab, as a person would), expands a step and clicks its button.
 */
async function runStep(p: Page, stepId: string): Promise<void> {
  const step = walkthrough.steps.find((s) => s.id === stepId)!;
  const label = /\[([^\]]+)\]\(command:/.exec(step.description)![1];
  const tab = p.locator('.tab').filter({ hasText: `Walkthrough: ${walkthrough.title.replace(/^Get Started with /, '')}` }).first();
  if ((await tab.count()) === 0) await runOurCommand(p, 'AWS Patterns: Get Started');
  else await tab.click({ timeout: UI_TIMEOUT });
  const stepButton = p.locator(`.getting-started-step[data-step-id$="#${stepId}"]`).first();
  await stepButton.click({ timeout: UI_TIMEOUT });
  await p.locator(`.getting-started-step[data-step-id$="#${stepId}"].expanded:focus`).first().waitFor({ timeout: UI_TIMEOUT });
  await p.locator('.gettingStartedContainer a.monaco-button').filter({ hasText: label }).first().click({ timeout: UI_TIMEOUT });
  await p.locator(`[data-done-step-id$="#${stepId}"].complete`).first().waitFor({ timeout: UI_TIMEOUT });
}

test('the walkthrough\'s five steps run from their buttons: sample policy, finding, fix, snippet, audit', async () => {
  const workspace = copyWorkspace(scratch, 'walkthrough');
  const page = await openWorkbench(browser!, server!.url, workspace);
  try {
    await walkThrough(page);
  } catch (err) {
    await screenshot(page, 'walkthrough-FAILED').catch(() => undefined);
    throw err;
  }
});

async function walkThrough(page: Page): Promise<void> {
  await waitForExplorer(page, 'policies');
  assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'seeFinding', 'applyFix', 'insertSnippet', 'runAudit']);

  // 1. The sample policy opens in an untitled editor beside the walkthrough and gets its findings.
  await runStep(page, 'openSample');
  await page.locator('.tab').filter({ hasText: 'Untitled-1' }).first().waitFor({ timeout: UI_TIMEOUT });
  await waitForEditorText(page, (t) => t.includes('"sqs:SendMesage"') && t.includes('"s3:*"'), 'the sample policy');
  await activeEditor(page).locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
  await screenshot(page, 'walkthrough-sample');

  // 2. Go to Next Finding: the cursor moves to "s3:*" and its hover explains the rule.
  await runStep(page, 'seeFinding');
  // The problem's message shows first; our guidance (with the ✅ pattern) joins it.
  const hover = page.locator('.monaco-hover-content').filter({ hasText: '✅' }).first();
  await hover.waitFor({ timeout: UI_TIMEOUT });
  assert.match(await hover.innerText(), /iam-wildcard-action/);

  // 3. Show Quick Fixes: the lightbulb menu opens on that finding; Enter applies the first fix.
  await runStep(page, 'applyFix');
  const fix = page.locator('.action-widget .monaco-list-row.action.focused').first();
  await fix.waitFor({ timeout: UI_TIMEOUT });
  assert.match((await fix.getAttribute('aria-label')) ?? '', /s3/);
  await page.keyboard.press('Enter');
  await waitForEditorText(page, (t) => !t.includes('"s3:*"') && /"s3:[A-Z]/.test(t), 'the wildcard replaced by named actions');

  // 4. Insert Snippet: a new TypeScript file and a pick of our snippets; the handler goes in.
  await runStep(page, 'insertSnippet');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill('aws-lambda-handler');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'aws-lambda-handler' }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await waitForEditorText(page, (t) => t.includes('export const handler'), 'the Lambda handler snippet');

  // 5. Audit Workspace: the summary of the whole folder opens.
  await runStep(page, 'runAudit');
  await page.locator('.tab[aria-label*="AWS Patterns audit"]').first().waitFor({ timeout: UI_TIMEOUT });
}
