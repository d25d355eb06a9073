import * as assert from 'node:assert/strict';
import { runAssigned, runShared, WorkerLane } from '../../../server/src/cli/parallel.js';
import { checkJobs, MIN_PARALLEL_BYTES, threadsFor } from '../../../server/src/cli/planThreads.js';
import type { TestJob } from './poolWorker.js';

const script = new URL('./poolWorker.js', import.meta.url);
const doubleHere = (job: TestJob) => (job.kind === 'double' ? job.n * 2 : assert.fail(`the main thread was given ${job.kind}`));

describe('cli/parallel: the main thread and worker threads sharing jobs', () => {
  let lanes: WorkerLane<TestJob, unknown>[] = [];
  const lane = (shared?: unknown) => {
    const l = new WorkerLane<TestJob, unknown>(script, shared);
    lanes.push(l);
    return l;
  };
  afterEach(() => {
    for (const l of lanes) l.close();
    lanes = [];
  });

  it('answers in the order of the jobs, the main thread taking jobs too', async () => {
    // The worker's first jobs are slow, so the main thread takes most of the rest.
    const jobs: TestJob[] = Array.from({ length: 9 }, (_, n) => ({ kind: 'double', n, delayMs: n < 2 ? 300 : 0 }));
    const answers = await runShared(jobs, doubleHere, [lane()]);
    assert.deepEqual(
      answers.map((a) => a.value),
      jobs.map((_, n) => n * 2),
    );
    // The worker was handed the first two jobs at once; the main thread took the next.
    assert.deepEqual(
      answers.slice(0, 3).map((a) => a.lane),
      [1, 1, 0],
    );
  });

  it('runs on the main thread the jobs that must run there, and everything when there is no worker', async () => {
    const jobs: TestJob[] = Array.from({ length: 6 }, (_, n) => ({ kind: 'double', n }));
    const pinned = await runShared(jobs, doubleHere, [lane()], { hereOnly: (j) => j.kind === 'double' && j.n % 2 === 0 });
    assert.deepEqual(
      pinned.filter((_, n) => n % 2 === 0).map((a) => a.lane),
      [0, 0, 0],
    );
    const alone = await runShared(jobs, doubleHere, []);
    assert.deepEqual(
      alone.map((a) => [a.value, a.lane]),
      jobs.map((_, n) => [n * 2, 0]),
    );
    assert.deepEqual(await runShared([], doubleHere, [lane()]), []);
  });

  it('fails when a job throws, when an answer cannot be copied, or when a worker stops, and no failure goes unheard', async () => {
    const many = (job: TestJob): TestJob[] => [job, ...Array.from({ length: 4 }, (_, n): TestJob => ({ kind: 'double', n, delayMs: 20 }))];
    await assert.rejects(runShared(many({ kind: 'throw' }), doubleHere, [lane()]), /this plan cannot be read/);
    await assert.rejects(runShared(many({ kind: 'uncopyable' }), doubleHere, [lane()]), /could not be cloned/);
    await assert.rejects(runShared(many({ kind: 'exit' }), doubleHere, [lane()]), /stopped \(exit code 3\)/);
    // A worker that has stopped fails every job given to it later.
    const stopped = lane();
    await assert.rejects(stopped.call({ kind: 'exit' }), /exit code 3/);
    await assert.rejects(stopped.call({ kind: 'double', n: 1 }), /exit code 3/);
    await assert.rejects(
      runShared([{ kind: 'double', n: 1 }], () => {
        throw new Error('not here');
      }, []),
      /not here/,
    );
  });

  it('runs each job on the lane given for it, and gives every worker the shared data', async () => {
    const jobs: TestJob[] = [{ kind: 'double', n: 1 }, { kind: 'shared' }, { kind: 'double', n: 3 }, { kind: 'double', n: 4 }];
    const seen: number[] = [];
    const answers = await runAssigned(jobs, [0, 1, 2, 1], (job) => (seen.push(job.kind === 'double' ? job.n : -1), doubleHere(job)), [lane({ config: 1 }), lane()]);
    assert.deepEqual(answers, [2, { config: 1 }, 6, 8]);
    assert.deepEqual(seen, [1]);
    await assert.rejects(runAssigned([{ kind: 'throw' }], [1], doubleHere, [lane()]), /cannot be read/);
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
