// The worker script of parallel.test.ts: doubles numbers, and fails on purpose when asked.
import { serveJobs } from '../../../server/src/cli/parallel.js';

export type TestJob = { kind: 'double'; n: number; delayMs?: number } | { kind: 'throw' } | { kind: 'exit' } | { kind: 'shared' } | { kind: 'uncopyable' };

serveJobs<TestJob, unknown>(async (job, shared) => {
  switch (job.kind) {
    case 'double':
      if (job.delayMs) await new Promise((r) => setTimeout(r, job.delayMs));
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
});
