import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseChunked } from '../../../server/src/analysis/model/incremental.js';
import { parseInWorkers, poolSize, runInWorkers, setParseWorkerScript, treesOnce } from '../../../server/src/cli/parallel.js';
import { DRAFT_PLAN, EXAMPLE_PLAN, PLACE_CHAPTER, WORKSPACE } from '../../helpers.js';
import type { TestJob } from './poolWorker.js';

const script = new URL('./poolWorker.js', import.meta.url);

describe('cli/parallel: the worker pool', () => {
  it('uses the available parallelism, at most one worker per job and at least one', () => {
    assert.equal(poolSize(100), os.availableParallelism());
    assert.equal(poolSize(1, 8), 1);
    assert.equal(poolSize(5, 2), 2);
    assert.equal(poolSize(0, 4), 1);
  });

  it('answers in the order of the jobs, whatever order they finish in', async () => {
    // The first jobs are the slowest, so with two workers the later ones finish first.
    const jobs: TestJob[] = Array.from({ length: 9 }, (_, n) => ({ kind: 'double', n, delayMs: n < 2 ? 300 : 0 }));
    const answers = await runInWorkers<TestJob, number>(jobs, { script, size: 2 });
    assert.deepEqual(answers, jobs.map((_, n) => ({ ok: true, value: n * 2 })));
  });

  it('reports a job that throws as that job’s error, and carries on with the others', async () => {
    const jobs: TestJob[] = [{ kind: 'double', n: 1 }, { kind: 'throw' }, { kind: 'double', n: 3 }, { kind: 'uncopyable' }];
    const answers = await runInWorkers<TestJob, number>(jobs, { script, size: 2 });
    assert.deepEqual(answers.slice(0, 3), [{ ok: true, value: 2 }, { ok: false, message: 'this plan cannot be read' }, { ok: true, value: 6 }]);
    assert.equal(answers[3]!.ok, false);
  });

  it('survives a worker that stops: its job gets an error, a fresh worker takes the rest', async () => {
    const jobs: TestJob[] = [{ kind: 'exit' }, { kind: 'double', n: 2 }, { kind: 'exit' }, { kind: 'double', n: 4 }, { kind: 'double', n: 5 }];
    const answers = await runInWorkers<TestJob, number>(jobs, { script, size: 1 });
    assert.equal(answers.length, 5);
    assert.equal(answers[0]!.ok, false);
    assert.match(answers[0]!.ok ? '' : answers[0]!.message, /stopped.*exit code 3/);
    assert.equal(answers[2]!.ok, false);
    assert.deepEqual([answers[1], answers[3], answers[4]], [{ ok: true, value: 4 }, { ok: true, value: 8 }, { ok: true, value: 10 }]);
  });

  it('gives every worker the shared data, and every job an error when no worker can start', async () => {
    assert.deepEqual(await runInWorkers<TestJob, unknown>([{ kind: 'shared' }], { script, shared: { config: 1 } }), [{ ok: true, value: { config: 1 } }]);
    const missing = new URL('./no-such-worker.js', import.meta.url);
    const answers = await runInWorkers<TestJob, number>([{ kind: 'double', n: 1 }, { kind: 'double', n: 2 }], { script: missing, size: 2 });
    assert.equal(answers.length, 2);
    assert.ok(answers.every((a) => !a.ok));
  });

  it('answers nothing for no jobs', async () => {
    assert.deepEqual(await runInWorkers([], { script }), []);
  });
});

describe('cli/parallel: parsing plan files in workers', () => {
  before(() => setParseWorkerScript(new URL('../../../server/src/cli/worker.js', import.meta.url)));
  after(() => setParseWorkerScript(undefined));

  it('gives each Markdown file’s tree by its text, the same tree as parsing it here', async () => {
    const files = [DRAFT_PLAN, PLACE_CHAPTER, EXAMPLE_PLAN];
    const trees = await parseInWorkers(files, 2);
    assert.equal(trees.size, 3);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(trees.get(text), parseChunked(text));
    }
  });

  it('leaves out what a worker could not read, Word and PDF files, and everything on one core', async () => {
    const trees = await parseInWorkers([DRAFT_PLAN, path.join(WORKSPACE, 'no-such-forward-plan.md'), path.join(WORKSPACE, 'plan.docx')], 2);
    assert.deepEqual([...trees.keys()], [fs.readFileSync(DRAFT_PLAN, 'utf8')]);
    assert.equal((await parseInWorkers([DRAFT_PLAN, PLACE_CHAPTER], 1)).size, 0);
  });
});

describe('cli/parallel: trees handed out once', () => {
  it('gives a tree for its own text once, and parses anything else here', () => {
    const text = fs.readFileSync(DRAFT_PLAN, 'utf8');
    const tree = parseChunked(text);
    const parse = treesOnce(new Map([[text, tree]]))!;
    assert.equal(parse(text), tree);
    const again = parse(text);
    assert.notEqual(again, tree);
    assert.deepEqual(again, tree);
    assert.equal(treesOnce(new Map()), undefined);
  });
});
