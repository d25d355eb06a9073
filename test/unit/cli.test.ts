import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, DRAFT_PLAN, EXAMPLE_PLAN, fixturePath, ROOT } from '../helpers.js';

const EXAMPLE = EXAMPLE_PLAN;
const DRAFT = DRAFT_PLAN;

describe('jfp-check', () => {
  it('prints file:line:col severity code message lines, a coverage table and a summary', () => {
    const { code, out } = cli([DRAFT]);
    assert.equal(code, 1, 'a statutory item is missing');
    assert.match(out, /draft-forward-plan\.md:8:1 warning jfp\.plan\.summary \d+ statutory items not covered: /);
    assert.match(out, /draft-forward-plan\.md:20:11 error jfp\.tag\.unknown/);
    assert.match(out, /^Coverage \(/m);
    assert.match(out, /✓ Duty to promote integration +addressed · 1 section/);
    assert.match(out, /^\d+ addressed, \d+ partial, \d+ missing, \d+ waived of 33 \(\d+% covered\)\. The percentage counts addressed and waived items in full and partly covered items as half\.$/m);
  });

  it('exits 0 when no statutory item is missing and no finding is at error level', () => {
    // The example's one error (its deliberate unknown id) fails the gate, until its level is lowered.
    assert.equal(cli([EXAMPLE]).code, 1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-gate-'));
    try {
      const config = path.join(dir, '.jfp.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'jfp.tag.unknown': 'warning' } }));
      assert.equal(cli(['--config', config, EXAMPLE]).code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the documented JSON shape, with 1-based lines and columns', () => {
    const { code, out } = cli(['--format', 'json', DRAFT]);
    assert.equal(code, 1);
    const report = JSON.parse(out) as Record<string, unknown> & {
      coverage: { id: string; evidence: { line: number; how: string; terms: string[] }[]; elements: { covered: number; total: number; missing: string[] } }[];
      diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; file: string }[];
    };
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.catalogue as object), ['id', 'edition']);
    assert.deepEqual(report.files, [path.relative(process.cwd(), DRAFT)]);
    assert.deepEqual(Object.keys(report.summary as object), ['addressed', 'partial', 'missing', 'waived', 'total']);
    const integration = report.coverage.find((c) => c.id === 'duty-integration')!;
    assert.equal(integration.evidence[0]!.line, 18);
    assert.equal(integration.evidence[0]!.how, 'terms');
    assert.ok(integration.evidence[0]!.terms.includes('Better Care Fund'));
    for (const key of ['id', 'title', 'kind', 'status', 'evidence', 'elements']) assert.ok(key in integration, key);
    const unknown = report.diagnostics.find((d) => d.code === 'jfp.tag.unknown')!;
    assert.deepEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [20, 11, 20, 26]);
  });

  it('treats every file of a folder that is a plan as one plan, ignoring other Markdown', () => {
    const report = JSON.parse(cli(['--format', 'json', fixturePath('workspace')]).out) as { files: string[]; coverage: { id: string; status: string }[] };
    assert.equal(report.files.length, 2);
    assert.ok(!report.files.some((f) => f.endsWith('notes.md')));
    assert.equal(report.coverage.find((c) => c.id === 'need-victims-of-abuse')!.status, 'addressed');
  });

  it('applies a config file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-cli-'));
    const config = path.join(dir, '.jfp.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'jfp.duty.missing': 'off', 'jfp.element.missing': 'off' } }));
    const report = JSON.parse(cli(['--format', 'json', '--config', config, DRAFT]).out) as { diagnostics: { code: string }[] };
    assert.ok(!report.diagnostics.some((d) => d.code === 'jfp.duty.missing' || d.code === 'jfp.element.missing'));
    fs.rmSync(dir, { recursive: true });
  });

  it('exits 2 with a clear message on usage and input errors', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-cli-'));
    fs.writeFileSync(path.join(empty, 'notes.md'), '# Notes\n\nnet zero\n');
    for (const [args, message] of [
      [[], /no PATH given/],
      [['--format', 'xml', DRAFT], /unknown format "xml"/],
      [['--bogus', DRAFT], /unknown option "--bogus"/],
      [['/no/such/file.md'], /no such file or folder/],
      [[empty], /no plan files found/],
      [['--config', '/no/such/config.json', DRAFT], /cannot read config/],
    ] as const) {
      const r = cli([...args]);
      assert.equal(r.code, 2, String(args));
      assert.match(r.err, message);
      assert.equal(r.out, '');
    }
    fs.rmSync(empty, { recursive: true });
  });

  it('refuses a binary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-cli-'));
    const file = path.join(dir, 'x-forward-plan.md');
    fs.writeFileSync(file, Buffer.from([0x23, 0x20, 0x00, 0x01]));
    const r = cli([file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a text file/);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a file of invalid UTF-8 without NUL bytes, as the editor does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-cli-'));
    const file = path.join(dir, 'x-forward-plan.md');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('# Plan\n'), Buffer.alloc(200, 0xff)]));
    const r = cli([file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a text file/);
    fs.rmSync(dir, { recursive: true });
  });

  it('runs as the built bin entry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const r = spawnSync(process.execPath, [path.join(ROOT, pkg.bin['jfp-check']!), '--format', 'json', '--fail-on', 'never', EXAMPLE], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { version: number }).version, 1);
    const help = spawnSync(process.execPath, [path.join(ROOT, pkg.bin['jfp-check']!), '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /^Usage: jfp-check/);
  });

  it('ends quietly, with the gate\'s exit status, when the reader closes the pipe early (jfp-check ... | head)', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const child = spawn(process.execPath, [path.join(ROOT, pkg.bin['jfp-check']!), '--format', 'json', DRAFT], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the checker has written anything, so its first write meets a closed pipe.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    assert.doesNotMatch(err, /EPIPE|Error/);
    assert.equal(code, 1, 'the draft misses a statutory item');
  });
});
