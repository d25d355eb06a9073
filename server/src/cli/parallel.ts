/**
 * Worker threads for jfp-check, with the main thread working beside them: the main thread hands
 * jobs out, keeps every worker's queue topped up, and takes a job itself whenever it is free, so
 * no core idles while another waits. Only plain data crosses between threads: jobs go out, answers
 * come back. A job that throws, or a worker that stops (out of memory, say), fails the whole
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

  /** Jobs posted and not yet answered. */
  get pending(): number {
    return this.waiting.size;
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

/** A job's answer and the lane that gave it: 0 for the main thread, then 1 for `lanes[0]`, and so on. */
export interface LaneAnswer<R> {
  value: R;
  lane: number;
}

/** The promise, marked as handled: its failure is read later (by Promise.all), or not at all when another job failed first. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `jobs` on the main thread (`here`) and on the worker lanes at once, each taking the next
 * job when free; every worker keeps `depth` jobs queued, so it never waits for the main thread to
 * finish a job before getting its next. Jobs for which `hereOnly` is true run on the main thread.
 * The answers are in the order of the jobs; rejects when any job fails.
 */
export async function runShared<J, R>(jobs: readonly J[], here: (job: J) => R, lanes: readonly WorkerLane<J, R>[], options: { hereOnly?: (job: J) => boolean; depth?: number } = {}): Promise<LaneAnswer<R>[]> {
  const answers: Promise<LaneAnswer<R>>[] = new Array<Promise<LaneAnswer<R>>>(jobs.length);
  const anywhere: number[] = [];
  const pinned: number[] = [];
  jobs.forEach((job, i) => (options.hereOnly?.(job) ? pinned : anywhere).push(i));
  let failed = false;
  const feed = (lane: WorkerLane<J, R>, number: number) => {
    while (!failed && lane.pending < (options.depth ?? 2) && anywhere.length > 0) {
      const i = anywhere.shift()!;
      answers[i] = handled(
        lane.call(jobs[i]!).then(
          (value) => {
            feed(lane, number);
            return { value, lane: number };
          },
          (e: unknown) => {
            failed = true;
            throw e;
          },
        ),
      );
    }
  };
  lanes.forEach((lane, i) => feed(lane, i + 1));
  while (!failed && pinned.length + anywhere.length > 0) {
    const i = pinned.length > 0 ? pinned.shift()! : anywhere.shift()!;
    answers[i] = Promise.resolve({ value: here(jobs[i]!), lane: 0 });
    // Let the workers' answers in, so that they get their next jobs.
    await nextTurn();
  }
  return Promise.all(answers.filter((a) => a !== undefined)).then((list) => {
    if (list.length < jobs.length) throw new Error('a job was not run');
    return list;
  });
}

/** Runs each job on the lane given for it (0: the main thread), all lanes at once; the answers are in the order of the jobs. */
export async function runAssigned<J, R>(jobs: readonly J[], laneOf: readonly number[], here: (job: J) => R, lanes: readonly WorkerLane<J, R>[]): Promise<R[]> {
  const answers = jobs.map((job, i) => (laneOf[i]! > 0 ? handled(lanes[laneOf[i]! - 1]!.call(job)) : undefined));
  const local: R[] = [];
  for (let i = 0; i < jobs.length; i++) if (laneOf[i] === 0) local[i] = here(jobs[i]!);
  return Promise.all(answers.map((a, i) => a ?? local[i]!));
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
