import * as assert from 'node:assert/strict';
import { runBatch, workBatch, WorkerLane, type Batch, type BatchMessage } from '../../../server/src/cli/parallel.js';
import { checkJobs, MIN_PARALLEL_BYTES, threadsFor } from '../../../server/src/cli/planThreads.js';
import type { TestJob } from './poolWorker.js';

const script = new URL('./poolWorker.js', import.meta.url);
const doubleHere = (job: TestJob) => (job.kind === 'double' ? job.n * 2 : assert.fail(`the main thread was given ${job.kind}`));
const doubles = (count: number, delayMs = 0): TestJob[] => Array.from({ length: count }, (_, n) => ({ kind: 'double', n, delayMs }));

function batch(owners: number[], options: Partial<Batch<TestJob>> = {}): Batch<TestJob> {
  return { jobs: doubles(owners.length), owners, pinned: owners.map(() => false), steal: false, claims: new SharedArrayBuffer(4 * owners.length), ...options };
}

describe('cli/parallel: a lane’s share of a batch', () => {
  it('does its own jobs first, then anyone’s, in order, and never a job already claimed', () => {
    const b = batch([-1, 1, 0, -1, 0]);
    new Int32Array(b.claims)[3] = 2;
    assert.deepEqual(
      workBatch(b, 0, doubleHere).map(([i]) => i),
      [2, 4, 0],
    );
    assert.deepEqual(workBatch(b, 0, doubleHere), []);
  });

  it('steals from the end while the owner has four jobs left not started, never a pinned one, and only when asked', () => {
    const owners = [1, 1, 1, 1, 0];
    assert.deepEqual(
      workBatch(batch(owners), 0, doubleHere).map(([i]) => i),
      [4],
    );
    assert.deepEqual(
      workBatch(batch(owners, { steal: true }), 0, doubleHere).map(([i]) => i),
      [4, 3],
    );
    assert.deepEqual(
      workBatch(batch(owners, { steal: true, pinned: [false, false, false, true, false] }), 0, doubleHere).map(([i]) => i),
      [4, 2],
    );
  });
});

describe('cli/parallel: the main thread and worker threads sharing jobs', () => {
  let lanes: WorkerLane<BatchMessage<TestJob>, [number, unknown][]>[] = [];
  const lane = (shared?: unknown) => {
    const l = new WorkerLane<BatchMessage<TestJob>, [number, unknown][]>(script, shared);
    lanes.push(l);
    return l;
  };
  afterEach(() => {
    for (const l of lanes) l.close();
    lanes = [];
  });

  it('answers in the order of the jobs, each job done once, by the main thread and the workers', async () => {
    const jobs = doubles(12, 50);
    const answers = await runBatch(jobs, (job) => (job.kind === 'double' && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50), doubleHere(job)), [lane(), lane()]);
    assert.deepEqual(
      answers.map((a) => a.value),
      jobs.map((_, n) => n * 2),
    );
    assert.ok(answers.some((a) => a.lane === 0));
    assert.ok(answers.some((a) => a.lane > 0));
    assert.deepEqual(await runBatch([], doubleHere, [lane()]), []);
  });

  it('runs pinned jobs on their lane, and everything on the main thread when there is no worker', async () => {
    const jobs = doubles(6);
    const owners = jobs.map((_, n) => (n % 2 === 0 ? 0 : -1));
    const pinned = await runBatch(jobs, doubleHere, [lane()], { owners, pinned: owners.map((o) => o === 0), steal: true });
    assert.deepEqual(
      pinned.filter((_, n) => n % 2 === 0).map((a) => a.lane),
      [0, 0, 0],
    );
    const alone = await runBatch(jobs, doubleHere, []);
    assert.deepEqual(
      alone.map((a) => [a.value, a.lane]),
      jobs.map((_, n) => [n * 2, 0]),
    );
  });

  it('gives every worker the shared data', async () => {
    const answers = await runBatch<TestJob, unknown>([{ kind: 'shared' }], doubleHere, [lane({ config: 1 })], { owners: [1] });
    assert.deepEqual(answers, [{ value: { config: 1 }, lane: 1 }]);
  });

  it('fails when a job throws, when an answer cannot be copied, or when a worker stops, and no failure goes unheard', async () => {
    // Owned by the worker, so that the main thread does not take them.
    const failing = async (job: TestJob) => runBatch<TestJob, unknown>([job, ...doubles(3)], doubleHere, [lane()], { owners: [1, -1, -1, -1] });
    await assert.rejects(failing({ kind: 'throw' }), /this plan cannot be read/);
    await assert.rejects(failing({ kind: 'uncopyable' }), /could not be cloned/);
    await assert.rejects(failing({ kind: 'exit' }), /stopped \(exit code 3\)/);
    // A worker that has stopped fails every job given to it later.
    const stopped = lane();
    const one = (job: TestJob): BatchMessage<TestJob> => ({ batch: { ...batch([1]), jobs: [job] }, lane: 1 });
    await assert.rejects(stopped.call(one({ kind: 'exit' })), /exit code 3/);
    await assert.rejects(stopped.call(one({ kind: 'double', n: 1 })), /exit code 3/);
    await assert.rejects(
      runBatch(doubles(3), () => {
        throw new Error('not here');
      }, [lane()]),
      /not here/,
    );
  });
});

describe('cli/planThreads: how many threads check plans', () => {
  it('reads JFP_CHECK_JOBS as a whole number of at least 1, else leaves the choice to the work', () => {
    assert.deepEqual(
      [{}, { JFP_CHECK_JOBS: '1' }, { JFP_CHECK_JOBS: '0' }, { JFP_CHECK_JOBS: 'all' }, { JFP_CHECK_JOBS: '2.5' }, { JFP_CHECK_JOBS: '4' }, { JFP_CHECK_JOBS: '' }].map((env) => checkJobs(env)),
      [undefined, 1, undefined, undefined, undefined, 4, undefined],
    );
  });

  it('uses every core for two files or more with enough text, one thread otherwise, never more threads than files', () => {
    const big = MIN_PARALLEL_BYTES;
    assert.equal(threadsFor([big, big], undefined, 4), 2);
    assert.equal(threadsFor([big, big, big, big, big], undefined, 4), 4);
    assert.equal(threadsFor([big * 3], undefined, 4), 1);
    assert.equal(threadsFor([10, 10, 10], undefined, 4), 1);
    assert.equal(threadsFor([10, 10, 10], 2, 4), 2);
    assert.equal(threadsFor([big, big], 1, 4), 1);
    assert.equal(threadsFor([big], 8, 4), 1);
    assert.equal(threadsFor([], undefined, 4), 1);
  });
});
