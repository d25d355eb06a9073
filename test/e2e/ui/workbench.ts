/**
 * Helpers for the browser UI tests: starts code-server with jfp-assist loaded (from the
 * development folder, or installed from JFP_E2E_VSIX), opens a fresh copy of the fixture
 * workspace in headless Chromium, and offers small DOM helpers for the VS Code workbench.
 *
 * Every wait here waits for a condition in the page (Playwright locators); none sleeps.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CODE_SERVER, ROOT, checkInstalled, isolatedEnv, openBrowser, startCodeServer, type Browser, type CodeServer } from '../codeServer.js';

export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'ui');
/** The plan file the tests open, relative to the workspace. */
export const PLAN_FILE = 'draft-forward-plan.md';

export interface Session {
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** The temporary copy of the fixture workspace. */
  workspace: string;
  /** The plan's text as copied (1-based line numbers are looked up in it). */
  planText: string;
  close(): Promise<void>;
}

/**
 * Installs JFP_E2E_VSIX (a .vsix file, or an unpacked extension folder) into a fresh
 * extensions folder and returns it. A .vsix goes through `code-server --install-extension`;
 * a folder is copied in, which is how VS Code finds an unpacked extension.
 */
function installExtension(source: string, tmp: string): string {
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const abs = path.resolve(source);
  if (!fs.existsSync(abs)) throw new Error(`JFP_E2E_VSIX=${source} does not exist`);
  if (fs.statSync(abs).isDirectory()) {
    const manifest = JSON.parse(fs.readFileSync(path.join(abs, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    fs.cpSync(abs, target, { recursive: true, filter: (p) => !/[\\/](\.git|\.e2e|test-results)$/.test(p) });
    return extensionsDir;
  }
  const result = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', path.join(tmp, 'install-user-data'), '--extensions-dir', extensionsDir, '--install-extension', abs],
    { env: isolatedEnv(tmp), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${abs} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return extensionsDir;
}

export interface WorkspaceOptions {
  /** The folder copied as the workspace (default: the fixture workspace). */
  source?: string;
  /** The plan file in it, relative to the folder (default: PLAN_FILE). */
  planFile?: string;
  /**
   * jfp-assist's default settings (the plan summary on), instead of the per-item findings the
   * coverage tests check (`jfp.plan.summary` off).
   */
  defaults?: boolean;
}

/** Starts code-server and Chromium and opens a fresh copy of the fixture workspace (or of `options.source`). */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Session> {
  const planFile = options.planFile ?? PLAN_FILE;
  checkInstalled();
  // Failure screenshots are from this run only.
  if (fs.existsSync(RESULTS_DIR)) {
    for (const f of fs.readdirSync(RESULTS_DIR)) if (/^failure-.*\.png$/.test(f)) fs.rmSync(path.join(RESULTS_DIR, f));
  }
  const vsix = process.env.JFP_E2E_VSIX;
  if (!vsix) {
    for (const f of ['client.cjs', 'server.cjs']) {
      if (!fs.existsSync(path.join(ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run \`npm run build\` first.`);
    }
  }
  // Our own scratch folder (the installed extension), removed in close(); code-server has its own.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-ui-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const extensionsDir = vsix ? installExtension(vsix, scratch) : undefined;
    server = await startCodeServer({
      extensionsDir,
      settings: {
        'workbench.colorTheme': 'Default Light Modern',
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'workbench.layoutControl.enabled': false,
        // Each missing item as its own diagnostic with its own quick fixes (a user setting; by
        // default they are summed up on the title as jfp.plan.summary).
        ...(options.defaults ? {} : { 'jfp.rules': { 'jfp.plan.summary': 'off' } }),
      },
    });
    const workspace = path.join(server.tmp, 'workspace');
    fs.cpSync(options.source ?? FIXTURE_WORKSPACE, workspace, { recursive: true });
    browser = await openBrowser(server);
    const { page } = browser;
    page.setDefaultTimeout(60_000);
    const payload: [string, string][] = vsix ? [] : [['extensionDevelopmentPath', server.remoteUri(ROOT)]];
    await page.goto(server.url(workspace, payload));
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: planFile }).waitFor();
    const planText = fs.readFileSync(path.join(workspace, planFile), 'utf8');
    const s = server;
    const b = browser;
    return {
      server: s,
      browser: b,
      page,
      workspace,
      planText,
      async close() {
        try {
          await b.close();
        } finally {
          await s.stop();
          fs.rmSync(scratch, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}

/** The 1-based number of the first line of `text` that starts with `prefix`. */
export function lineNumberOf(text: string, prefix: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starting with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** Waits until an element matched by `locator` has text matching `text` (visible or not). */
export async function waitForText(locator: Locator, text: string | RegExp, timeout?: number): Promise<Locator> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ state: 'attached', timeout });
  return match;
}

/** The text of the status bar entry for the cursor position, e.g. "Ln 18, Col 19 (18 selected)". */
export function cursorStatus(page: Page): Locator {
  return page.locator('[id="status.editor.selection"]');
}

/** Moves the cursor of the active editor to the start of a line (Go to Line, Ctrl+G). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await waitForText(cursorStatus(page), new RegExp(`^Ln ${line}, Col 1\\b`));
}

/** Opens the Problems panel unless it is already showing (the shortcut toggles it). */
export async function showProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }
  return panel;
}

/** Closes the bottom panel if it is open. */
export async function hidePanel(page: Page): Promise<void> {
  const panel = page.locator('.part.panel');
  if (await panel.isVisible()) {
    await runCommand(page, 'View: Hide Panel');
    await panel.waitFor({ state: 'hidden' });
  }
}

/** Runs a command from the Command Palette by its exact title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Saves a screenshot under test-results/ui/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  // animations: 'disabled' finishes the hover fade-in so the card is captured opaque.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** Drags the sash on the right of the side bar so that the side bar is about `width` pixels wide. */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const sideBar = page.locator('[id="workbench.parts.sidebar"]');
  const box = await sideBar.boundingBox();
  if (!box || Math.abs(box.width - width) < 8) return;
  const x = box.x + box.width - 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  // (A string expression: the test project has no DOM types.)
  await page.waitForFunction(`Math.abs(document.getElementById('workbench.parts.sidebar').getBoundingClientRect().width - ${width}) < 20`);
}
