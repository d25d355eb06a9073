// jfp-check with its files parsed in worker threads reports exactly what it reports without them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkJobs, run, runInParallel } from '../../../server/src/cli/cli.js';
import { setParseWorkerScript } from '../../../server/src/cli/parallel.js';
import { DRAFT_PLAN, EXAMPLE_PLAN, WORKSPACE } from '../../helpers.js';

async function both(args: string[]) {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  let pOut = '';
  let pErr = '';
  const pCode = await runInParallel(args, (s) => (pOut += s), (s) => (pErr += s));
  return { sequential: { code, out, err }, parallel: { code: pCode, out: pOut, err: pErr } };
}

describe('jfp-check on worker threads', () => {
  it('uses them only when JFP_CHECK_JOBS asks for more than one', () => {
    assert.deepEqual(
      [{}, { JFP_CHECK_JOBS: '1' }, { JFP_CHECK_JOBS: '0' }, { JFP_CHECK_JOBS: 'all' }, { JFP_CHECK_JOBS: '2.5' }, { JFP_CHECK_JOBS: '4' }].map((env) => checkJobs(env)),
      [1, 1, 1, 1, 1, 4],
    );
  });

  before(() => setParseWorkerScript(new URL('../../../server/src/cli/worker.js', import.meta.url)));
  after(() => setParseWorkerScript(undefined));

  for (const format of ['text', 'json', 'sarif']) {
    it(`reports a folder of plan files the same, in ${format}`, async () => {
      const { sequential, parallel } = await both(['--format', format, '--fail-on', 'never', WORKSPACE, EXAMPLE_PLAN]);
      assert.ok(sequential.out.length > 0);
      assert.deepEqual(parallel, sequential);
    });
  }

  it('reports several plans, each on its own, the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-parallel-'));
    try {
      for (const [name, from] of [['east', EXAMPLE_PLAN], ['west', EXAMPLE_PLAN]] as const) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, `${name}-joint-forward-plan.md`), fs.readFileSync(from, 'utf8').replace('Wessex Vale', `Wessex Vale ${name}`));
      }
      const { sequential, parallel } = await both(['--format', 'json', '--fail-on', 'never', dir]);
      assert.equal((JSON.parse(sequential.out) as { plans: unknown[] }).plans.length, 2);
      assert.deepEqual(parallel, sequential);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a baseline comparison and the gate the same', async () => {
    const { sequential, parallel } = await both(['--baseline', DRAFT_PLAN, EXAMPLE_PLAN]);
    assert.deepEqual(parallel, sequential);
  });

  it('reports a file it cannot read, and bad arguments, as before', async () => {
    const missing = await both([EXAMPLE_PLAN, path.join(WORKSPACE, 'no-such-forward-plan.md')]);
    assert.equal(missing.sequential.code, 2);
    assert.deepEqual(missing.parallel, missing.sequential);
    const bad = await both(['--format', 'nonsense', EXAMPLE_PLAN]);
    assert.equal(bad.sequential.code, 2);
    assert.deepEqual(bad.parallel, bad.sequential);
  });
});
