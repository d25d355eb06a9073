/**
 * Browser UI tests: jfp-assist in a real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3)
 * driven through headless Chromium. One code-server and one browser serve the whole file; the
 * tests run in order on one window, so later ones build on the state earlier ones leave
 * (the plan open in the editor, the Problems panel filtered on "research").
 *
 * Artefacts: test-results/ui/sidebar.png and hover.png on every run, failure-<test>.png on failure.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  PLAN_FILE,
  cursorStatus,
  goToLine,
  hidePanel,
  lineNumberOf,
  openWorkspace,
  resizeSideBar,
  screenshot,
  showProblems,
  waitForText,
  type Session,
} from './workbench.js';

const RESEARCH_MISSING = 'Not covered: Duty in respect of research';
const RESEARCH_FIX = 'Insert a section for "Duty in respect of research"';

describe('UI: jfp-assist in VS Code (code-server + Chromium)', function () {
  let session: Session | undefined;
  let page: Page;
  const started = Date.now();

  before(async function () {
    session = await openWorkspace();
    page = session.page;
    console.log(`      (workbench loaded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && session) {
      const name = test.title.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      const file = await screenshot(page, `failure-${name}`).catch((e: unknown) => `(no screenshot: ${String(e)})`);
      console.log(`      failure screenshot: ${file}`);
    }
  });

  after(async function () {
    await session?.close();
    console.log(`      (whole file: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  /** Warnings in the workspace, from the status bar ("Errors: 1, Warnings: 11, Infos: 9"). */
  let warningsBefore = 0;
  const warningCount = async (p: Page) => {
    const label = (await p.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    const m = /Warnings: (\d+)/.exec(label);
    assert.ok(m, `unexpected problems status: ${label}`);
    return Number(m[1]);
  };

  /** The open plan editor (its text area, for clicks). */
  const editor = () => page.locator('.editor-group-container .monaco-editor .view-lines').first();
  /** 1-based line number in the copied plan, so that the tests follow edits to the fixture. */
  const lineOf = (prefix: string) => lineNumberOf(session!.planText, prefix);

  it('shows the missing-duty warnings as squiggles and in the Problems panel', async function () {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: PLAN_FILE }).click();
    await page.locator('.editor-group-container .tab.active', { hasText: PLAN_FILE }).waitFor();
    // The first squiggles come once the extension has activated and the server has analysed the plan.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();

    const problems = await showProblems(page);
    await waitForText(problems.locator('.monaco-list-row'), 'jfp.duty.missing');
    warningsBefore = await warningCount(page);
    assert.ok(warningsBefore > 0);

    // Narrow the list to research (the list only renders the rows in view), for the quick-fix test too.
    await page.locator('.part.panel input[aria-label="Filter Problems"]').fill('research');
    await waitForText(problems.locator('.monaco-list-row'), RESEARCH_MISSING);
  });

  it('explains a mapped heading in a hover, with the legal citation', async function () {
    await hidePanel(page);
    // "## Joining up care" has no hover in this fixture (its <!-- jfp: duty-integraton --> tag is misspelt
    // on purpose); "## Safe, effective care" is mapped to the quality duty by <!-- jfp: duty-quality -->.
    const n = lineOf('## Safe, effective care');
    await editor().click();
    await goToLine(page, n);
    // Wait for the code lens above the heading: it shifts the line down when it appears.
    await page.locator('.codelens-decoration', { hasText: 'Duty to improve the quality of services' }).first().waitFor();
    await page.mouse.move(0, 0);
    await page.locator('.view-line', { hasText: '## Safe, effective care' }).locator('span span', { hasText: 'Safe' }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Duty to improve the quality of services' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, /Duty to improve the quality of services/);
    assert.match(text, /s\.14Z34/);
    assert.match(text, /Statutory duty/);
    await screenshot(page, 'hover');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await hover.waitFor({ state: 'hidden' });
  });

  it('lists the duties in the coverage view and reveals the evidence section', async function () {
    await page.locator('.activitybar .action-item a[aria-label^="Plan coverage"]').click();
    await resizeSideBar(page, 440); // wide enough for the descriptions ("addressed · 1 section") in the screenshot
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Plan coverage' }) });
    const rows = pane.locator('.monaco-list-row');
    // The view description "Draft plan · 4/33 covered · 18%", 2026 edition (in the pane header, hidden when the container has one view).
    const description = await waitForText(pane.locator('.pane-header .description'), /\d+\/33 covered · \d+%/);
    console.log(`      (view description: ${await description.textContent()})`);

    for (const group of ['Statutory duties', 'Statutory requirements', 'Content areas']) {
      await waitForText(rows.and(page.locator('[aria-level="1"]')), new RegExp(`^${group}\\s*\\d+/\\d+$`));
    }
    const duties = rows.and(page.locator('[aria-level="1"]')).filter({ hasText: 'Statutory duties' });
    if ((await duties.getAttribute('aria-expanded')) !== 'true') await duties.click();
    await waitForText(rows.and(page.locator('[aria-level="2"]')), /Duty in respect of research\s*missing/);

    const integration = rows.and(page.locator('[aria-level="2"]')).filter({ hasText: 'Duty to promote integration' });
    assert.match(await integration.innerText(), /addressed · \d+ sections?/);
    await integration.click();
    await page.locator('.pane .monaco-list-row[aria-level="2"][aria-expanded="true"]', { hasText: 'Duty to promote integration' }).waitFor();

    const n = lineOf('## Joining up care');
    const evidence = rows.and(page.locator('[aria-level="3"]')).filter({ hasText: 'Joining up care' }).first();
    assert.match(await evidence.innerText(), new RegExp(`line ${n} · `));
    await evidence.click();
    // The command selects the whole heading line: "Ln 18, Col 19 (18 selected)".
    const status = await waitForText(cursorStatus(page), new RegExp(`^Ln ${n}, Col \\d+ \\(\\d+ selected\\)`));
    console.log(`      (cursor after reveal: ${await status.textContent()})`);
    await page.locator('.view-line', { hasText: '## Joining up care' }).waitFor();
    await page.locator('.editor-group-container .monaco-editor .selected-text').first().waitFor();
    await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: 'Joining up care' }).first().waitFor(); // settled
    await screenshot(page, 'sidebar');
  });

  it('inserts a missing section through the quick fix, chosen with the keyboard', async function () {
    await editor().click();
    await goToLine(page, lineOf('# NHS Wessex Vale Joint Forward Plan'));
    await page.keyboard.press('Control+.');
    const actions = page.locator('.action-widget .monaco-list-row');
    await actions.filter({ hasText: RESEARCH_FIX }).first().waitFor();
    // Move the focus down to the fix (a click is intercepted by the menu's pointer block).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 60 && !(await focused.innerText()).includes(RESEARCH_FIX); i++) {
      const before = await focused.getAttribute('data-index');
      await page.keyboard.press('ArrowDown');
      await page.locator(`.action-widget .monaco-list-row.focused:not([data-index="${before}"])`).waitFor();
    }
    assert.equal((await focused.innerText()).trim(), RESEARCH_FIX);
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });

    // The editor now contains the tag (found with the Find widget: the inserted lines may be out of view).
    await page.keyboard.press('Control+f');
    const find = page.locator('.find-widget.visible textarea[aria-label="Find"], .find-widget.visible input[aria-label="Find"]').first();
    await find.fill('<!-- jfp: duty-research -->');
    await waitForText(page.locator('.find-widget .matchesCount'), /^1 of 1$/);
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: '<!-- jfp: duty-research -->' }).waitFor();
    await page.keyboard.press('Escape');

    // ...and the Problems panel (still filtered on "research") says the section is started but not yet covered:
    // a heading says where the duty will be discussed, not how well (the same number of warnings).
    const problems = await showProblems(page);
    await problems.locator('.monaco-list-row', { hasText: RESEARCH_MISSING }).waitFor({ state: 'detached' });
    await waitForText(problems.locator('.monaco-list-row'), 'Not covered yet: Duty in respect of research');
    await page.locator(`[id="status.problems"][aria-label*="Warnings: ${warningsBefore},"]`).waitFor();
    await page.locator('.pane .monaco-list-row[aria-level="2"]', { hasText: /Duty in respect of research\s*section started, no content yet/ }).waitFor();
  });

  it('completes item headings after "## "', async function () {
    await hidePanel(page);
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## ');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    // Missing items sort first; any catalogue heading proves the list came from the server.
    await waitForText(suggestions, /Finance and financial balance|Patient choice|The triple aim|Climate change and net zero/);
    await page.keyboard.type('Clim');
    await waitForText(suggestions, 'Climate change and net zero');
    await page.keyboard.press('Escape');
    await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'detached' });
  });

  it('shows the coverage percentage as a language status item', async function () {
    const status = page.locator('[id="status.languageStatus"]');
    await page.locator('[id="status.languageStatus"][aria-label*="Plan coverage"]').waitFor();
    assert.match((await status.getAttribute('aria-label')) ?? '', /Plan coverage \d+ percent: \d+ addressed/);
    await status.hover();
    const entry = page.locator('.hover-language-status', { hasText: 'Plan coverage' }).first();
    await entry.waitFor();
    const text = await entry.innerText();
    console.log(`      (language status: ${text.replace(/\s+/g, ' ').trim()})`);
    assert.match(text, /Plan coverage \d+%/);
  });

  it('offers the getting-started walkthrough, with its texts from package.nls.json', async function () {
    // Not runCommand: this command opens a second quick pick, listing the walkthroughs.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[placeholder*="walkthrough"]').waitFor();
    await input.fill('Joint Forward Plan');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get started with your Joint Forward Plan' }).waitFor();
    await page.keyboard.press('Enter');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.waitFor();
    for (const step of ['Create a plan from the template', 'Open the coverage sidebar', 'Hover for an explanation', 'Apply a quick fix']) {
      await waitForText(walkthrough, step);
    }
    // The first step's button runs jfp.newPlan; an unresolved %key% would show as such.
    await walkthrough.getByText('New Joint Forward Plan', { exact: true }).first().waitFor();
    assert.doesNotMatch(await walkthrough.innerText(), /%walkthrough\./);
    await screenshot(page, 'walkthrough');
  });
});
