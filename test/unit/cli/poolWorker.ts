// The worker script of parallel.test.ts: takes its share of a batch, doubling numbers, and fails on purpose when asked.
import { serveJobs, workBatch, type BatchMessage } from '../../../server/src/cli/parallel.js';

export type TestJob = { kind: 'double'; n: number; delayMs?: number } | { kind: 'throw' } | { kind: 'exit' } | { kind: 'shared' } | { kind: 'uncopyable' };

/** Waits without a timer (a batch is done synchronously, as jfp-check's are). */
function busy(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

serveJobs<BatchMessage<TestJob>, unknown>((message, shared) =>
  workBatch(message.batch, message.lane, (job): unknown => {
    switch (job.kind) {
      case 'double':
        if (job.delayMs) busy(job.delayMs);
        return job.n * 2;
      case 'throw':
        throw new Error('this plan cannot be read');
      case 'exit':
        process.exit(3);
        break;
      case 'shared':
        return shared;
      case 'uncopyable':
        return { f: () => 1 };
    }
    return undefined;
  }),
);
