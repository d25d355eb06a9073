import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANNEX_START } from '../../server/src/formats/annex.js';
import { expandGlob, isGlob } from '../../server/src/host/planInput.js';
import { cli, DRAFT_PLAN, EXAMPLE_PLAN, ROOT } from '../helpers.js';

const EXAMPLE = EXAMPLE_PLAN;
const DRAFT = DRAFT_PLAN;
const SUMMARY = /^jfp-check: \d+% covered: \d+ addressed, \d+ partial, \d+ missing \(\d+ statutory\), \d+ waived of \d+/;

describe('jfp-check reports and gating', () => {
  it('ends the text report with a summary line saying whether the gate passed', () => {
    const { code, out } = cli([DRAFT]);
    assert.equal(code, 1);
    const last = out.trimEnd().split('\n').at(-1)!;
    assert.match(last, SUMMARY);
    assert.match(last, /FAILED \(--fail-on missing-statutory: .*duty-research/);
    assert.match(cli([EXAMPLE]).out.trimEnd().split('\n').at(-1)!, /passed \(--fail-on missing-statutory\)$/);
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
    assert.equal(cli(['--fail-on=missing-statutory', EXAMPLE]).code, 0);
    // The example misses only non-statutory content areas, so it fails on missing-any.
    const any = cli(['--fail-on', 'missing-any', '--quiet', EXAMPLE]);
    assert.equal(any.code, 1);
    assert.match(any.out, /FAILED \(--fail-on missing-any: /);
    const bad = cli(['--fail-on', 'sometimes', EXAMPLE]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown --fail-on "sometimes"/);
  });

  it('writes annex, junit and html reports, to standard output or --output', () => {
    const annex = cli(['--format', 'annex', '--quiet', EXAMPLE]);
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
      const r = cli(['--baseline', EXAMPLE, now]);
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

  it('expands globs with either slash, relative to the current folder', () => {
    assert.equal(isGlob('plans/**/*.md'), true);
    assert.equal(isGlob('plans/my-plan.md'), false);
    const forward = expandGlob('test/fixtures/workspace/**/*.md', ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    assert.deepEqual(forward, ['test/fixtures/workspace/draft-forward-plan.md', 'test/fixtures/workspace/jfp/place-chapter.md', 'test/fixtures/workspace/notes.md']);
    assert.deepEqual(expandGlob('test\\fixtures\\workspace\\*forward-plan*.md', ROOT), [DRAFT]);
    const r = cli(['--quiet', 'examples/*.md']);
    assert.equal(r.code, 0);
    assert.match(cli(['examples/*.docx']).err, /no Markdown files match examples\/\*\.docx/);
  });
});
