/**
 * `node scripts/html-report-image.mjs [OUT.png]` (after `npm run build` or `tsc -b`): regenerates
 * docs/images/html-report.png, the first screen of the HTML coverage report of the example plan,
 * as a board member sees it (title, the coverage figure and how it is counted, the statutory
 * gaps, the partly covered items and the chart).
 *
 * Reproducible: the report is made from examples/ with a fixed "generated on" date, and rendered
 * in headless Chromium (CHROMIUM, default /usr/bin/chromium, driven by playwright-core, a dev
 * dependency) at a fixed size with animations off. The image changes only when the report does.
 * Nothing is fetched (the report is self-contained), and the temporary report file is removed.
 * Not part of `npm test`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'images', 'html-report.png'));
const EXAMPLE = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The date the report says it was generated on. */
const DATE = new Date('2026-12-03T12:00:00Z');
const VIEWPORT = { width: 1000, height: 1100 };

const built = path.join(ROOT, 'out', 'server', 'src', 'formats', 'html.js');
if (!fs.existsSync(built)) {
  console.error('out/ is missing: run `npm run build` (or `npx tsc -b`) first.');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM.`);
  process.exit(2);
}

const { analyseText } = await import(pathToFileURL(path.join(ROOT, 'out', 'server', 'src', 'analysis', 'analyse.js')).href);
const { formatHtml } = await import(pathToFileURL(built).href);

// The example is one file, so it is the whole plan, as `jfp-check examples/` finds it.
const plan = analyseText(pathToFileURL(EXAMPLE).href, fs.readFileSync(EXAMPLE, 'utf8'));
const html = formatHtml(plan, () => 'examples/wessex-vale-joint-forward-plan.md', { now: DATE });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-report-image-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
});
try {
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html);
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.locator('svg[aria-label="Coverage by kind of item"]').waitFor();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT, animations: 'disabled' });
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${VIEWPORT.width}x${VIEWPORT.height}, ${fs.statSync(OUT).size} bytes)`);
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
