/**
 * The HTML coverage report (jfp-check --format html) rendered in headless Chromium: it shows
 * the plan's title, chart and annex table, and loads nothing beyond the file itself.
 * Artefact: test-results/ui/html-report.png (docs/images/html-report.png is made by
 * scripts/html-report-image.mjs, with a fixed date).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../../../server/src/cli/cli.js';
import { ROOT } from '../../helpers.js';
import { CHROMIUM } from '../codeServer.js';
import { RESULTS_DIR } from './workbench.js';

describe('UI: the HTML coverage report in Chromium', function () {
  let browser: Browser | undefined;
  let dir: string;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async function () {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders the example plan’s report with its title, chart and table, fetching nothing else', async function () {
    const file = path.join(dir, 'report.html');
    let summary = '';
    const code = run(['--format', 'html', '--output', file, '--fail-on', 'never', path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md')], (s) => (summary += s), () => undefined);
    assert.equal(code, 0, summary);
    const page = await browser!.newPage({ viewport: { width: 1000, height: 1100 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.locator('h1').waitFor();
    assert.match((await page.locator('h1').innerText()).trim(), /Wessex Vale/);
    const chart = page.locator('svg[aria-label="Coverage by kind of item"]');
    assert.ok(await chart.isVisible(), 'the chart is visible');
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 50, `the chart has a size (${JSON.stringify(box)})`);
    const rows = await page.locator('table tbody tr').count();
    assert.ok(rows >= 10, `one row per statutory item (${rows})`);
    assert.ok(await page.getByText('How this plan meets its statutory requirements').isVisible());
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'html-report.png') });
    assert.ok(fs.statSync(path.join(RESULTS_DIR, 'html-report.png')).size > 10_000);
  });
});
