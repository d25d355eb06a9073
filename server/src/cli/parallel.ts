/**
 * Worker threads for jfp-check, with the main thread working beside them: every thread is given
 * the whole list of jobs and claims the next free one in shared memory whenever it is free, so
 * no core idles while another has work queued (see workBatch). Only plain data crosses between
 * threads: jobs go out, answers come back. A job that throws, or a worker that stops (out of memory, say), fails the whole
 * batch, so the caller can do the work again another way (jfp-check runs on one thread then). The
 * worker's side is `serveJobs`, called by the worker script (worker.ts: whole plans checked).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface JobMessage {
  index: number;
  job: unknown;
}

type AnswerMessage = { index: number } & ({ ok: true; value: unknown } | { ok: false; message: string });

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One worker thread: each job posted to it is answered in turn. */
export class WorkerLane<J, R> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  private next = 0;
  private stopped: string | undefined;
  private failure: string | undefined;

  /** `shared`: data the worker receives once, at start (the second argument of its handler). */
  constructor(script: string | URL, shared?: unknown) {
    this.worker = new Worker(script, { workerData: shared });
    this.worker.on('message', (m: AnswerMessage) => {
      const waiting = this.waiting.get(m.index);
      this.waiting.delete(m.index);
      if (m.ok) waiting?.resolve(m.value as R);
      else waiting?.reject(new Error(m.message));
    });
    this.worker.on('error', (e) => (this.failure = messageOf(e)));
    this.worker.once('exit', (code) => {
      this.stopped = this.failure ?? `the worker stopped (exit code ${code})`;
      for (const { reject } of this.waiting.values()) reject(new Error(this.stopped));
      this.waiting.clear();
    });
  }

  call(job: J): Promise<R> {
    if (this.stopped !== undefined) return Promise.reject(new Error(this.stopped));
    const index = this.next++;
    return new Promise<R>((resolve, reject) => {
      this.waiting.set(index, { resolve, reject });
      this.worker.postMessage({ index, job } satisfies JobMessage);
    });
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** The promise, marked as handled: its failure is read later (by Promise.all), or not at all when another job failed first. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * Jobs shared between threads. Every thread (lane) is given the whole list and claims each job
 * it does in `claims` (shared memory: one slot per job, 0 while free), so no job is done twice
 * and no thread waits for another to hand it work. A lane does the jobs it owns first, then those
 * anyone may do, in order; with `steal`, it then takes jobs owned by a busier lane, from the end,
 * while that lane has at least STEAL_WHEN left, unless they are `pinned` to their owner.
 */
export interface Batch<J> {
  jobs: J[];
  /** The lane each job belongs to (0: the main thread), or -1: any lane. */
  owners: number[];
  pinned: boolean[];
  steal: boolean;
  claims: SharedArrayBuffer;
}

/**
 * A plan taken from another thread has its files read again, which costs about twice what its
 * owner would spend on it: taken only when the owner has this many left not started, so that
 * taking one finishes the batch sooner (measured: with two left, it finished later).
 */
export const STEAL_WHEN = 4;

/** A batch as posted to a worker: with the worker's lane number. */
export interface BatchMessage<J> {
  batch: Batch<J>;
  lane: number;
}

/** Does a lane's share of a batch; answers [job index, answer] for each job it did. */
export function workBatch<J, R>(batch: Batch<J>, lane: number, handle: (job: J) => R): [number, R][] {
  const claims = new Int32Array(batch.claims);
  const { owners, pinned } = batch;
  const done: [number, R][] = [];
  const take = (i: number) => {
    if (Atomics.compareExchange(claims, i, 0, lane + 1) === 0) done.push([i, handle(batch.jobs[i]!)]);
  };
  for (let i = 0; i < owners.length; i++) if (owners[i] === lane) take(i);
  for (let i = 0; i < owners.length; i++) if (owners[i] === -1) take(i);
  if (!batch.steal) return done;
  const left = (owner: number) => owners.filter((o, i) => o === owner && Atomics.load(claims, i) === 0).length;
  for (let i = owners.length - 1; i >= 0; i--) {
    if (owners[i] !== lane && owners[i] !== -1 && !pinned[i] && Atomics.load(claims, i) === 0 && left(owners[i]!) >= STEAL_WHEN) take(i);
  }
  return done;
}

/** A job's answer and the lane that did the job. */
export interface LaneAnswer<R> {
  value: R;
  lane: number;
}

/**
 * Runs `jobs` on the main thread (`here`, lane 0) and on the worker lanes (lanes 1 and up) at
 * once, each lane claiming jobs as in `workBatch` (default: any lane, in order, no stealing).
 * The answers are in the order of the jobs; rejects when any job fails.
 */
export async function runBatch<J, R>(jobs: readonly J[], here: (job: J) => R, lanes: readonly WorkerLane<BatchMessage<J>, [number, R][]>[], options: { owners?: number[]; pinned?: boolean[]; steal?: boolean } = {}): Promise<LaneAnswer<R>[]> {
  const batch: Batch<J> = {
    jobs: [...jobs],
    owners: options.owners ?? jobs.map(() => -1),
    pinned: options.pinned ?? jobs.map(() => false),
    steal: options.steal ?? false,
    claims: new SharedArrayBuffer(4 * Math.max(1, jobs.length)),
  };
  const theirs = lanes.map((lane, i) => handled(lane.call({ batch, lane: i + 1 })));
  const answers = new Array<LaneAnswer<R> | undefined>(jobs.length);
  const keep = (list: [number, R][], lane: number) => {
    for (const [i, value] of list) answers[i] = { value, lane };
  };
  keep(workBatch(batch, 0, here), 0);
  (await Promise.all(theirs)).forEach((list, i) => keep(list, i + 1));
  const all = answers.filter((a) => a !== undefined);
  if (all.length < jobs.length) throw new Error('a job was not run');
  return all;
}

/**
 * The worker's side: answers each job with `handle(job, shared)`, or with the error it threw.
 * Does nothing on the main thread.
 */
export function serveJobs<J, R>(handle: (job: J, shared: unknown) => R | Promise<R>): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  const shared: unknown = workerData;
  port.on('message', (m: JobMessage) => {
    void (async () => {
      let answer: AnswerMessage;
      try {
        answer = { index: m.index, ok: true, value: await handle(m.job as J, shared) };
      } catch (e) {
        answer = { index: m.index, ok: false, message: messageOf(e) };
      }
      try {
        port.postMessage(answer);
      } catch (e) {
        // An answer that cannot be copied to the main thread (a function in it, say).
        port.postMessage({ index: m.index, ok: false, message: messageOf(e) } satisfies AnswerMessage);
      }
    })();
  });
}

let workerScript: string | URL | undefined;

/** Where jfp-check's worker script is (tests point at the compiled worker.js; jfp-check finds dist/cliWorker.cjs). */
export function setWorkerScript(script: string | URL | undefined): void {
  workerScript = script;
}

/** The worker script: the one set, else dist/cliWorker.cjs beside the running CLI; undefined when there is none. */
export function findWorkerScript(): string | URL | undefined {
  if (workerScript) return workerScript;
  const dirs: string[] = [];
  try {
    if (process.argv[1]) dirs.push(path.dirname(fs.realpathSync(process.argv[1])));
  } catch {
    // argv[1] is not a file (node -e): try the bundle's own folder
  }
  if (typeof __filename === 'string') dirs.push(path.dirname(__filename));
  return dirs.map((d) => path.join(d, 'cliWorker.cjs')).find((f) => fs.existsSync(f));
}
