// jfp-check with its plans checked on worker threads (and on the main thread beside them) reports exactly what it reports on one thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/cli.js';
import { setWorkerScript } from '../../../server/src/cli/parallel.js';
import { lastRunThreads, runInParallel } from '../../../server/src/cli/planThreads.js';
import { setConvertWorkerScript } from '../../../server/src/convert/run.js';
import { wordFromMarkdown } from '../../convertFixtures.js';
import { DRAFT_PLAN, EXAMPLE_PLAN, md, ROOT, WORKSPACE } from '../../helpers.js';

async function both(args: string[], jobs = 2) {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  let pOut = '';
  let pErr = '';
  const pCode = await runInParallel(args, (s) => (pOut += s), (s) => (pErr += s), jobs);
  return { sequential: { code, out, err }, parallel: { code: pCode, out: pOut, err: pErr }, threads: lastRunThreads() };
}

describe('jfp-check on worker threads', function () {
  this.timeout(240000);
  let dir: string;
  const example = fs.readFileSync(EXAMPLE_PLAN, 'utf8');
  before(async () => {
    setWorkerScript(new URL('../../../server/src/cli/worker.js', import.meta.url));
    setConvertWorkerScript(path.join(ROOT, 'out', 'server', 'src', 'convert', 'worker.js'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-parallel-'));
    // Three plans, one of them in two files (a chapter its front matter lists), and a chapter two plans could claim.
    for (const name of ['east', 'west', 'north']) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, `${name}-joint-forward-plan.md`), example.replace('Wessex Vale', `Wessex Vale ${name}`));
    }
    fs.writeFileSync(path.join(dir, 'north', 'north-joint-forward-plan.md'), md('---', 'plan: joint-forward-plan', 'title: North Joint Forward Plan', 'files: [chapters/*.md]', '---', '', '# North Joint Forward Plan', '', 'We will integrate services with social care.'));
    fs.mkdirSync(path.join(dir, 'north', 'chapters'));
    fs.writeFileSync(path.join(dir, 'north', 'chapters', 'research.md'), md('# Research', '', 'We take part in research with the university and report research activity to the board each year.'));
    fs.writeFileSync(path.join(dir, 'place-forward-plan.md'), md('# Place chapter', '', '## Research', '', 'We host research studies in every practice.'));
    fs.mkdirSync(path.join(dir, 'word'));
    fs.writeFileSync(path.join(dir, 'word', 'south-joint-forward-plan.docx'), await wordFromMarkdown(example.replace('Wessex Vale', 'Wessex Vale south')));
  });
  after(() => {
    setWorkerScript(undefined);
    setConvertWorkerScript(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['text', 'json', 'sarif', 'junit', 'html', 'annex']) {
    it(`reports several plans (one in two files, one from Word, a file two plans could claim) the same, in ${format}`, async () => {
      const { sequential, parallel, threads } = await both(['--format', format, dir]);
      assert.equal(threads, 2);
      assert.equal(sequential.code, 1);
      assert.match(sequential.out + sequential.err, /jfp-check: 4 plans, 1 file not assigned to a plan; FAILED/);
      assert.deepEqual(parallel, sequential);
    });
  }

  it('reports the same quietly, with a report written to a file, and on more threads than cores', async () => {
    const quiet = await both(['--quiet', '--fail-on', 'never', dir], 3);
    assert.equal(quiet.sequential.code, 0);
    assert.deepEqual(quiet.parallel, quiet.sequential);
    assert.equal(quiet.threads, 3);
    const output = path.join(dir, 'out', 'annex.md');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const written = await both(['--format', 'annex', '--output', output, path.join(dir, 'east'), path.join(dir, 'west')], 4);
    const sequentialAnnex = fs.readFileSync(output, 'utf8');
    assert.deepEqual(written.parallel, written.sequential);
    assert.equal(written.threads, 2);
    assert.equal(fs.readFileSync(output, 'utf8'), sequentialAnnex);
  });

  it('reports a folder that holds one plan, and a plan with its baseline, the same', async () => {
    const one = await both(['--format', 'json', '--fail-on', 'never', WORKSPACE, EXAMPLE_PLAN]);
    assert.ok(one.sequential.out.length > 0);
    assert.deepEqual(one.parallel, one.sequential);
    assert.equal(one.threads, 2);
    const baseline = await both(['--baseline', DRAFT_PLAN, EXAMPLE_PLAN]);
    assert.deepEqual(baseline.parallel, baseline.sequential);
    assert.equal(baseline.threads, 1);
  });

  it('reports a file it cannot read, and bad arguments, as before', async () => {
    const missing = await both([EXAMPLE_PLAN, path.join(WORKSPACE, 'no-such-forward-plan.md')]);
    assert.equal(missing.sequential.code, 2);
    assert.deepEqual(missing.parallel, missing.sequential);
    const bad = await both(['--format', 'nonsense', EXAMPLE_PLAN]);
    assert.equal(bad.sequential.code, 2);
    assert.deepEqual(bad.parallel, bad.sequential);
    // A file that a worker finds is not text: the run is done again on one thread, which says so.
    const binary = path.join(dir, 'binary');
    fs.mkdirSync(binary);
    fs.writeFileSync(path.join(binary, 'b-joint-forward-plan.md'), Buffer.from([0x23, 0x20, 0, 0, 0, 0x41]));
    const notText = await both([path.join(dir, 'east'), binary]);
    assert.equal(notText.sequential.code, 2);
    assert.deepEqual(notText.parallel, notText.sequential);
    assert.equal(notText.threads, 1);
  });
});
