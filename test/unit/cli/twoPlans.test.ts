import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { setConvertWorkerScript } from '../../../server/src/convert/run.js';
import { cli, EXAMPLE_PLAN, md, ROOT } from '../../helpers.js';

/**
 * jfp-check on a folder that holds two plans (the example, which passes the gate, and a short
 * plan that fails it) and a chapter that could belong to either: each plan is reported on its
 * own in every format, never merged, and the chapter is counted in neither.
 */
describe('jfp-check on two plans in one folder', function () {
  this.timeout(120000);
  let dir: string;
  // As jfp-check shows a file: relative to the current folder, or absolute when outside it.
  const rel = (name: string) => {
    const full = path.join(dir, name);
    const relative = path.relative(process.cwd(), full);
    return (relative.startsWith('..') ? full : relative).split(path.sep).join('/');
  };
  const re = (name: string) => rel(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  before(() => {
    setConvertWorkerScript(path.join(ROOT, 'out', 'server', 'src', 'convert', 'worker.js'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-two-plans-'));
    // The example without its deliberate error (an unknown id), so that it passes the gate.
    fs.writeFileSync(path.join(dir, 'wessex-vale-joint-forward-plan.md'), fs.readFileSync(EXAMPLE_PLAN, 'utf8').replace(/jfp: duty-climate\b(?!-)/g, 'jfp: duty-climate-change'));
    fs.writeFileSync(path.join(dir, 'northshire-forward-plan.md'), md('---', 'plan: joint-forward-plan', 'title: Northshire Joint Forward Plan', '---', '', '# Northshire Joint Forward Plan', '', 'We will integrate services with social care.'));
    // Research is covered here: were the chapter merged into Northshire's plan, its research duty would not be missing.
    fs.writeFileSync(path.join(dir, 'place-forward-plan.md'), md('# Place chapter', '', '## Research', '', 'We take part in research with the university and host research studies in every practice, and we report research activity to the board each year.'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text: one part per plan with its own coverage, the chapter apart, a summary line per plan; fails because one plan fails', () => {
    const { code, out } = cli([dir]);
    assert.equal(code, 1);
    assert.match(out, new RegExp(`^== Plan 1 of 2: Northshire Joint Forward Plan \\(${re('northshire-forward-plan.md')}\\)$`, 'm'));
    assert.match(out, new RegExp(`^== Plan 2 of 2: NHS Wessex Vale Joint Forward Plan 2026/27 to 2030/31 \\(${re('wessex-vale-joint-forward-plan.md')}\\)$`, 'm'));
    assert.match(out, /^== Not assigned to a plan \(counted in none\)$/m);
    assert.match(out, new RegExp(`^${re('place-forward-plan.md')}:1:1 warning jfp\\.plan\\.ambiguous-file This file could belong to more than one plan`, 'm'));
    assert.equal(out.match(/jfp\.plan\.ambiguous-file/g)?.length, 1);
    assert.match(out, /^jfp-check: Northshire Joint Forward Plan \(.*\): \d+% covered.*FAILED \(--fail-on missing-statutory: .*duty-research/m);
    assert.match(out, /^jfp-check: NHS Wessex Vale Joint Forward Plan .*: \d+% covered.*; passed/m);
    assert.match(out, /^jfp-check: 2 plans, 1 file not assigned to a plan; FAILED \(1 of 2 plans fail --fail-on missing-statutory\)$/m);
  });

  it('json: a plans array, each plan in the single-plan shape with its title, main file and gate; the chapter under unassigned', () => {
    const { out, err } = cli(['--format', 'json', dir]);
    const report = JSON.parse(out) as {
      version: number;
      plans: { title: string; main: string; gate: string; files: string[]; summary: { total: number }; coverage: { id: string; status: string }[]; diagnostics: unknown[]; version?: number }[];
      unassigned: { file: string; candidates: { title: string; file: string }[]; diagnostics: { code: string }[] }[];
    };
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.plans.map((p) => [p.title, p.main, p.gate, p.files]),
      [
        ['Northshire Joint Forward Plan', rel('northshire-forward-plan.md'), 'failed', [rel('northshire-forward-plan.md')]],
        ['NHS Wessex Vale Joint Forward Plan 2026/27 to 2030/31', rel('wessex-vale-joint-forward-plan.md'), 'passed', [rel('wessex-vale-joint-forward-plan.md')]],
      ],
    );
    for (const p of report.plans) {
      assert.equal(p.version, undefined);
      assert.ok(p.summary.total > 0 && p.coverage.length > 0 && Array.isArray(p.diagnostics));
    }
    assert.equal(report.plans[0]!.coverage.find((c) => c.id === 'duty-research')!.status, 'missing', 'the chapter is not merged into Northshire');
    assert.deepEqual(report.unassigned.map((u) => [u.file, u.candidates.map((c) => c.file)]), [[rel('place-forward-plan.md'), [rel('northshire-forward-plan.md'), rel('wessex-vale-joint-forward-plan.md')]]]);
    assert.deepEqual(report.unassigned[0]!.diagnostics.map((d) => d.code).filter((c) => c === 'jfp.plan.ambiguous-file'), ['jfp.plan.ambiguous-file']);
    assert.match(err, /^jfp-check: 2 plans, 1 file not assigned to a plan; FAILED/m);
  });

  it('json: one plan keeps the single-plan shape exactly', () => {
    const report = JSON.parse(cli(['--format', 'json', path.join(dir, 'wessex-vale-joint-forward-plan.md')]).out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['version', 'catalogue', 'planType', 'edition', 'files', 'mode', 'coverage', 'summary', 'diagnostics']);
  });

  it('annex: one annex per plan, each after a comment naming the plan', () => {
    const out = cli(['--format', 'annex', '--quiet', dir]).out;
    assert.equal(out.match(/<!-- jfp-annex:start -->/g)?.length, 2);
    assert.match(out, /^<!-- jfp-check: Northshire Joint Forward Plan \(.*northshire-forward-plan\.md\) -->\n<!-- jfp-annex:start -->/m);
    assert.match(out, /^<!-- jfp-check: NHS Wessex Vale Joint Forward Plan .*\n<!-- jfp-annex:start -->/m);
  });

  it('sarif: one run per plan and per unassigned file, each with its own automationDetails id', () => {
    const log = JSON.parse(cli(['--format', 'sarif', '--quiet', dir]).out) as { version: string; runs: { automationDetails: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; properties: { coverage: { percent: number } } }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(
      log.runs.map((r) => r.automationDetails.id),
      [`jfp-check/${rel('northshire-forward-plan.md')}/`, `jfp-check/${rel('wessex-vale-joint-forward-plan.md')}/`, `jfp-check/unassigned/${rel('place-forward-plan.md')}/`],
    );
    assert.ok(log.runs[0]!.properties.coverage.percent < log.runs[1]!.properties.coverage.percent);
    assert.ok(log.runs[2]!.results.some((r) => r.ruleId === 'jfp.plan.ambiguous-file'));
    assert.ok(log.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('northshire-forward-plan.md')));
  });

  it('junit: one document, each plan\'s suites named after the plan', () => {
    const xml = cli(['--format', 'junit', '--quiet', dir]).out;
    assert.match(xml, /^<testsuites name="Joint Forward Plan coverage: 2 plans" tests="\d+" failures="\d+"/m);
    assert.match(xml, /<testsuite name="Northshire Joint Forward Plan \([^"]*northshire-forward-plan\.md\): Statutory duty"/);
    assert.match(xml, /<testsuite name="NHS Wessex Vale Joint Forward Plan [^"]*: Statutory duty"/);
    const names = [...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(names).size, names.length, 'no two suites share a name');
  });

  it('html: one page listing the plans, each plan in its own section', () => {
    const html = cli(['--format', 'html', '--quiet', dir]).out;
    assert.equal(html.match(/<!DOCTYPE html>/g)?.length, 1);
    assert.equal(html.match(/<body>/g)?.length, 1);
    assert.match(html, /<title>Coverage report: 2 plans<\/title>/);
    assert.match(html, /<li><a href="#plan-1">Northshire Joint Forward Plan \(.*\)<\/a>: \d+% covered, \d+ gaps that fail the check<\/li>/);
    assert.match(html, /<section id="plan-1">\n<h1>Northshire Joint Forward Plan<\/h1>/);
    assert.match(html, /<section id="plan-2">\n<h1>NHS Wessex Vale Joint Forward Plan 2026\/27 to 2030\/31<\/h1>/);
    assert.match(html, /Not assigned to a plan, so counted in none: .*place-forward-plan\.md/);
  });

  it('docx: one Word document with each plan\'s report', async () => {
    const output = path.join(dir, 'out', 'report.docx');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const { code, out } = cli(['--format', 'docx', '--output', output, path.join(dir, '*.md')]);
    assert.equal(code, 1);
    assert.match(out, /2 plans, 1 file not assigned to a plan/);
    const html = (await mammoth.convertToHtml({ buffer: fs.readFileSync(output) }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] })).value;
    assert.match(html, /<h1 class="title">Northshire Joint Forward Plan<\/h1>.*<h1 class="title">NHS Wessex Vale Joint Forward Plan 2026\/27 to 2030\/31<\/h1>/s);
  });

  it('--baseline with more than one plan is a usage error that names the plans', () => {
    const { code, err } = cli(['--baseline', EXAMPLE_PLAN, dir]);
    assert.equal(code, 2);
    assert.match(err, /--baseline compares one plan with its previous version, but the paths hold 2 plans \(Northshire Joint Forward Plan .*\): check each plan on its own/);
  });

  it('a chapter listed in one main document\'s front matter counts towards that plan only, and nothing is unassigned', () => {
    const listed = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-two-plans-listed-'));
    try {
      fs.copyFileSync(EXAMPLE_PLAN, path.join(listed, 'wessex-vale-joint-forward-plan.md'));
      fs.writeFileSync(path.join(listed, 'northshire-forward-plan.md'), md('---', 'plan: joint-forward-plan', 'title: Northshire Joint Forward Plan', 'files: [chapters/*.md]', '---', '', '# Northshire Joint Forward Plan', '', 'Text.'));
      // A name that no plan glob matches: listed, it is part of the plan all the same.
      fs.mkdirSync(path.join(listed, 'chapters'));
      fs.copyFileSync(path.join(dir, 'place-forward-plan.md'), path.join(listed, 'chapters', 'place.md'));
      fs.writeFileSync(path.join(listed, 'notes.md'), md('# Notes', '', 'Not part of any plan.'));
      const report = JSON.parse(cli(['--format', 'json', '--quiet', listed]).out) as { plans: { files: string[]; coverage: { id: string; status: string }[] }[]; unassigned: unknown[] };
      assert.deepEqual(report.unassigned, []);
      assert.deepEqual(report.plans[0]!.files.map((f) => path.basename(f)), ['northshire-forward-plan.md', 'place.md']);
      assert.deepEqual(report.plans[1]!.files.map((f) => path.basename(f)), ['wessex-vale-joint-forward-plan.md']);
      assert.notEqual(report.plans[0]!.coverage.find((c) => c.id === 'duty-research')!.status, 'missing');
    } finally {
      fs.rmSync(listed, { recursive: true, force: true });
    }
  });
});
