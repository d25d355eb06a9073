/**
 * The worker thread that converts one Word or PDF file (bundled as dist/convert.cjs; see
 * run.ts). It answers once, on its port (synchronous callers, who then wake on `signal`)
 * or to its parent, and never throws.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ConvertLimits } from './convert.js';
import { answerFor } from './here.js';

interface Job {
  file: string;
  limits: ConvertLimits;
  signal?: Int32Array;
  port?: MessagePort;
}

async function main(): Promise<void> {
  const job = workerData as Job | undefined;
  if (!job || typeof job.file !== 'string') return;
  const answer = await answerFor(job.file, job.limits);
  if (job.port && job.signal) {
    job.port.postMessage(answer);
    Atomics.store(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
  } else {
    parentPort?.postMessage(answer);
  }
}

void main();
