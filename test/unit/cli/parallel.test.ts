import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { poolSize, runInWorkers } from '../../../server/src/cli/parallel.js';
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
    const jobs: TestJob[] = [{ kind: 'double', n: 1 }, { kind: 'throw' }, { kind: 'double', n: 3 }];
    const answers = await runInWorkers<TestJob, number>(jobs, { script, size: 2 });
    assert.deepEqual(answers, [{ ok: true, value: 2 }, { ok: false, message: 'this plan cannot be read' }, { ok: true, value: 6 }]);
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
