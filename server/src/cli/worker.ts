/**
 * jfp-check's worker thread (bundled as dist/cliWorker.cjs; see planThreads.ts): takes its share
 * of each batch of jobs (parallel.ts), reading and analysing plan files, then checking whole
 * plans, and answers plain data (planCheck.ts).
 */
import { serveJobs, workBatch, type BatchMessage } from './parallel.js';
import { PlanChecker, type ThreadAnswer, type ThreadJob, type ThreadSetup } from './planCheck.js';

let checker: PlanChecker | undefined;

serveJobs<BatchMessage<ThreadJob>, [number, ThreadAnswer][]>((message, shared) => {
  const here = (checker ??= new PlanChecker(shared as ThreadSetup));
  return workBatch(message.batch, message.lane, (job) => here.handle(job));
});
