/**
 * The worker thread that converts one Word or PDF file, or writes the Word report
 * (bundled as dist/convert.cjs; see
 * run.ts). It answers once, on its port (synchronous callers, who then wake on `signal`)
 * or to its parent, and never throws.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { answerJob } from './here.js';
import type { WorkerJob } from './run.js';

type Job = WorkerJob & { signal?: Int32Array; port?: MessagePort };

async function main(): Promise<void> {
  const job = workerData as Job | undefined;
  if (!job || (job.task !== 'convert' && job.task !== 'docx')) return;
  const answer = await answerJob(job);
  if (job.port && job.signal) {
    job.port.postMessage(answer);
    Atomics.store(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
  } else {
    parentPort?.postMessage(answer);
  }
}

void main();
