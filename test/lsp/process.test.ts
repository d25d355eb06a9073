import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { financialYearOf } from '../../shared/period.js';
import { codes, DRAFT, lineOf, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

/** A plan outside the workspace folder: a plan of its own, never read from disk. */
const OUTSIDE = path.join(os.tmpdir(), 'jfp-process-lsp-test');

// A period far in the future is never stale, so these checks do not depend on today's date.
const FOUR_YEARS = ['---', 'plan: joint-forward-plan', 'period: 2090/91 to 2093/94', '---', '# A plan', '', 'The ICB will do things.', ''].join('\n');

describe('LSP process rules (real server over stdio)', () => {
  // Each process finding on its own, not summed up on the title.
  const client = serverForSuite({ workspaceFolder: WORKSPACE, settings: { ...NO_DEBOUNCE, rules: { 'jfp.plan.summary': 'off' } } });

  it('checks the draft: partner trusts named, period current or reported stale, links to the rule pages', async () => {
    const draft = await client.open(DRAFT);
    const diagnostics = await client.diagnosticsAt(draft, 1);
    assert.deepEqual(codes(diagnostics, 'jfp.process.partner-trusts'), []);
    const period = codes(diagnostics, 'jfp.plan.period');
    // The draft's period is 2026/27 to 2030/31: current until 31 March 2027, stale after.
    if (financialYearOf(new Date()) <= 2026) {
      assert.deepEqual(period, []);
    } else {
      assert.equal(period.length, 1);
      assert.equal(period[0]!.range.start.line, lineOf(DRAFT, 'period:'));
      assert.match(String(period[0]!.message), /before the current financial year/);
    }
    const consultation = codes(diagnostics, 'jfp.process.consultation-summary');
    assert.equal(consultation.length, 1);
    assert.equal(consultation[0]!.range.start.line, lineOf(DRAFT, '# '));
    assert.match(consultation[0]!.codeDescription!.href, /jfp\.process\.consultation-summary\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(consultation[0]!.codeDescription!.href)), 'the documentation page exists');
    await client.close(draft);
  });

  it('reports a four-year period on its front matter value, and the missing partner trusts and board opinion', async () => {
    const file = path.join(OUTSIDE, 'four-years.md');
    const uri = await client.open(file, FOUR_YEARS);
    const diagnostics = await client.diagnosticsAt(uri, 1);

    const [period, ...morePeriod] = codes(diagnostics, 'jfp.plan.period');
    assert.ok(period);
    assert.deepEqual(morePeriod, []);
    assert.equal(period.severity, 2);
    assert.equal(period.source, 'jfp');
    assert.deepEqual(period.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 26 } });
    assert.match(String(period.message), /covers 4 financial years; a Joint Forward Plan covers five \(NHS Act 2006 s\.14Z52\(1\)\)/);
    assert.ok(fs.existsSync(fileURLToPath(period.codeDescription!.href)));

    const trusts = codes(diagnostics, 'jfp.process.partner-trusts');
    assert.equal(trusts.length, 1);
    assert.equal(trusts[0]!.range.start.line, 4);
    assert.equal(trusts[0]!.severity, 2);

    // No boards are configured: one finding, which says how to list them.
    const hwb = codes(diagnostics, 'jfp.process.hwb-opinion');
    assert.equal(hwb.length, 1);
    assert.match(String(hwb[0]!.message), /healthAndWellbeingBoards/);

    const lines = FOUR_YEARS.split('\n');
    const version = await client.change(uri, [
      { range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: 'Our partner trusts are Vale Hospitals NHS Foundation Trust and Vale Community NHS Trust.\n' },
    ]);
    const after = await client.diagnosticsAt(uri, version);
    assert.deepEqual(codes(after, 'jfp.process.partner-trusts'), []);
    assert.equal(codes(after, 'jfp.plan.period').length, 1);
    await client.close(uri);
  });

  it('does not expect the partner trusts, consultation summary or board opinions in a public summary', async () => {
    const file = path.join(OUTSIDE, 'summary.md');
    const uri = await client.open(file, FOUR_YEARS.replace('plan: joint-forward-plan\n', 'plan: joint-forward-plan\nmode: summary\n'));
    const diagnostics = await client.diagnosticsAt(uri, 1);
    for (const code of ['jfp.process.partner-trusts', 'jfp.process.consultation-summary', 'jfp.process.hwb-opinion']) assert.deepEqual(codes(diagnostics, code), [], code);
    assert.equal(codes(diagnostics, 'jfp.plan.period').length, 1);
    assert.equal(codes(diagnostics, 'jfp.process.capital-plan').length, 1);
    await client.close(uri);
  });

  it('suggests a period when the plan gives none', async () => {
    const uri = await client.open(path.join(OUTSIDE, 'no-period.md'), '---\nplan: joint-forward-plan\n---\n# A plan\n\nOver the next five years.\n');
    const [period] = codes(await client.diagnosticsAt(uri, 1), 'jfp.plan.period');
    assert.ok(period);
    assert.equal(period.range.start.line, 3);
    const year = financialYearOf(new Date());
    assert.ok(String(period.message).includes(`period: ${year}/${String((year + 1) % 100).padStart(2, '0')} to `), String(period.message));
    await client.close(uri);
  });
});
