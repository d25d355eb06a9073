/**
 * jfp-check's worker thread (bundled as dist/cliWorker.cjs; see planThreads.ts): reads and
 * analyses plan files, then checks whole plans, answering plain data (planCheck.ts).
 */
import { serveJobs } from './parallel.js';
import { PlanChecker, type ThreadAnswer, type ThreadJob, type ThreadSetup } from './planCheck.js';

let checker: PlanChecker | undefined;

serveJobs<ThreadJob, ThreadAnswer>((job, shared) => (checker ??= new PlanChecker(shared as ThreadSetup)).handle(job));
