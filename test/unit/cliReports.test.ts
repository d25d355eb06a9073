import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANNEX_START } from '../../server/src/formats/annex.js';
import { expandGlob, isGlob } from '../../server/src/host/planInput.js';
import { cli, DRAFT_PLAN, EXAMPLE_PLAN, ROOT } from '../helpers.js';

const EXAMPLE = EXAMPLE_PLAN;
const DRAFT = DRAFT_PLAN;
const SUMMARY = /^jfp-check: \d+% covered \(partly covered items count half\): \d+ addressed, \d+ partial, \d+ missing \(\d+ statutory\), \d+ waived of \d+/;

describe('jfp-check reports and gating', () => {
  /** A configuration that lowers the example's one error (its deliberate unknown id) to a warning. */
  let RELAXED: string[];
  let configDir: string;
  before(() => {
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-relaxed-'));
    fs.writeFileSync(path.join(configDir, '.jfp.json'), JSON.stringify({ rules: { 'jfp.tag.unknown': 'warning' } }));
    RELAXED = ['--config', path.join(configDir, '.jfp.json')];
  });
  after(() => fs.rmSync(configDir, { recursive: true, force: true }));

  it('ends the text report with a summary line saying whether the gate passed', () => {
    const { code, out } = cli([DRAFT]);
    assert.equal(code, 1);
    const last = out.trimEnd().split('\n').at(-1)!;
    assert.match(last, SUMMARY);
    assert.match(last, /FAILED \(--fail-on missing-statutory: .*duty-research/);
    assert.match(cli([...RELAXED, EXAMPLE]).out.trimEnd().split('\n').at(-1)!, /passed \(--fail-on missing-statutory\)$/);
  });

  it('the default gate also fails on a finding at error level, and names it', () => {
    const r = cli(['--quiet', EXAMPLE]);
    assert.equal(r.code, 1, 'no statutory item is missing, but the example has one error');
    assert.match(r.out, /0 statutory\), .*; FAILED \(--fail-on missing-statutory: jfp\.tag\.unknown at examples\/wessex-vale-joint-forward-plan\.md:\d+\)$/m);
    const any = cli(['--quiet', '--fail-on', 'missing-any', EXAMPLE]);
    assert.match(any.out, /FAILED \(--fail-on missing-any: .*jfp\.tag\.unknown at /);
    assert.equal(cli(['--quiet', '--fail-on', 'never', EXAMPLE]).code, 0, 'never: errors are reported, not gated');
    assert.equal(cli(['--quiet', ...RELAXED, EXAMPLE]).code, 0, 'a rule lowered below error no longer fails the gate');
    const escalated = path.join(configDir, 'escalated.json');
    fs.writeFileSync(escalated, JSON.stringify({ rules: { 'jfp.tag.unknown': 'warning', 'jfp.waiver.no-reason': 'error' } }));
    assert.match(cli(['--quiet', '--config', escalated, EXAMPLE]).out, /FAILED \(--fail-on missing-statutory: jfp\.waiver\.no-reason at /, 'a rule raised to error fails it');
  });

  it('--quiet prints only the summary line; machine formats put it on standard error unless quiet', () => {
    const quiet = cli(['--quiet', DRAFT]);
    assert.equal(quiet.out.split('\n').filter(Boolean).length, 1);
    assert.match(quiet.out, SUMMARY);
    const json = cli(['--format', 'json', EXAMPLE]);
    assert.doesNotThrow(() => JSON.parse(json.out));
    assert.match(json.err, SUMMARY);
    assert.equal(cli(['--format', 'json', '--quiet', EXAMPLE]).err, '');
  });

  it('--fail-on chooses what fails the run', () => {
    assert.equal(cli(['--fail-on', 'never', DRAFT]).code, 0);
    assert.equal(cli(['--fail-on=missing-statutory', ...RELAXED, EXAMPLE]).code, 0);
    // The example misses only non-statutory content areas, so it fails on missing-any.
    const any = cli(['--fail-on', 'missing-any', '--quiet', ...RELAXED, EXAMPLE]);
    assert.equal(any.code, 1);
    assert.match(any.out, /FAILED \(--fail-on missing-any: /);
    const bad = cli(['--fail-on', 'sometimes', EXAMPLE]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown --fail-on "sometimes"/);
  });

  it('writes annex, junit and html reports, to standard output or --output', () => {
    const annex = cli(['--format', 'annex', '--quiet', ...RELAXED, EXAMPLE]);
    assert.ok(annex.out.startsWith(ANNEX_START));
    assert.equal(annex.code, 0);
    assert.match(cli(['--format', 'junit', '--quiet', DRAFT]).out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-report-'));
    try {
      const file = path.join(dir, 'report.html');
      const r = cli(['--format', 'html', '--output', file, DRAFT]);
      assert.equal(r.code, 1);
      assert.match(r.out, SUMMARY, 'the summary line goes to standard output');
      assert.match(fs.readFileSync(file, 'utf8'), /^<!DOCTYPE html>/);
      const bad = cli(['--output', path.join(dir, 'missing', 'x.txt'), DRAFT]);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /cannot write/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.match(cli(['--format', 'pdf', DRAFT]).err, /unknown format "pdf" \(use text, json, annex, sarif, junit, html, docx, docx-annex\)/);
  });

  it('--baseline reports items whose status changed, lost first, and fails on lost statutory coverage', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-baseline-'));
    try {
      const example = fs.readFileSync(EXAMPLE, 'utf8');
      const start = example.indexOf('### Research and evidence');
      const end = example.indexOf('\n#', start + 5);
      const now = path.join(dir, 'new-forward-plan.md');
      fs.writeFileSync(now, example.slice(0, start) + example.slice(end + 1));
      const r = cli([...RELAXED, '--baseline', EXAMPLE, now]);
      assert.equal(r.code, 1);
      assert.match(r.out, /Changes since the previous plan\n {2}lost {4}Duty in respect of research \(statutory\): Met → /);
      assert.match(r.out, /\d lost since the baseline; FAILED \(--fail-on missing-statutory: duty-research\)/);
      const json = JSON.parse(cli(['--format', 'json', '--quiet', '--baseline', EXAMPLE, now]).out) as { comparison: { id: string; direction: string; after: string }[] };
      assert.deepEqual(json.comparison[0], { id: 'duty-research', title: 'Duty in respect of research', statutory: true, before: 'addressed', after: json.comparison[0]!.after, direction: 'lost' });
      assert.equal(cli(['--baseline', EXAMPLE, '--fail-on', 'never', now]).code, 0);
      assert.match(cli(['--baseline', path.join(dir, 'nothing-here.md'), now]).err, /no such file or folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every format that shows a coverage percentage says how partly covered items count', () => {
    const note = /partly covered items (as|count) half/;
    const shown: string[] = [];
    for (const format of ['text', 'json', 'annex', 'sarif', 'junit', 'html']) {
      const r = cli(['--format', format, '--fail-on', 'never', DRAFT]);
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      assert.match(r.err + r.out, note, `${format}: the summary line says it`);
      // Percentages of the coverage, not of readers ("about half of UK adults" has none).
      if (/\d+% covered|covered · \d+%|"percent": \d+/.test(r.out)) {
        shown.push(format);
        assert.match(r.out, note, `${format} shows a percentage, so it says how it is counted`);
      }
    }
    assert.deepEqual(shown, ['text', 'sarif', 'html'], 'the formats that show a percentage');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-counting-'));
    try {
      const now = path.join(dir, 'new-forward-plan.md');
      fs.writeFileSync(now, fs.readFileSync(DRAFT, 'utf8'));
      assert.match(cli(['--fail-on', 'never', '--baseline', EXAMPLE, now]).out, /Coverage was \d+%, now \d+%\. The percentage counts addressed and waived items in full and partly covered items as half\./);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('expands globs with either slash, relative to the current folder', () => {
    assert.equal(isGlob('plans/**/*.md'), true);
    assert.equal(isGlob('plans/my-plan.md'), false);
    const forward = expandGlob('test/fixtures/workspace/**/*.md', ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    assert.deepEqual(forward, ['test/fixtures/workspace/draft-forward-plan.md', 'test/fixtures/workspace/jfp/place-chapter.md', 'test/fixtures/workspace/notes.md']);
    assert.deepEqual(expandGlob('test\\fixtures\\workspace\\*forward-plan*.md', ROOT), [DRAFT]);
    const r = cli(['--quiet', ...RELAXED, 'examples/*.md']);
    assert.equal(r.code, 0);
    assert.match(cli(['examples/*.docx']).err, /no Markdown files match examples\/\*\.docx/);
  });
});
