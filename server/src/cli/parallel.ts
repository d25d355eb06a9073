/**
 * A pool of worker threads, so jfp-check checks many plans at once across the machine's cores.
 * The main thread hands each worker one job at a time and gathers the answers in the order of
 * the jobs, whatever order they finish in. A job that throws, or a worker that stops (out of
 * memory, say), gives that job an error answer; the pool starts a fresh worker for the rest and
 * never rejects. The worker's side is `serveJobs`, called by the worker script. jfp-check uses it
 * to parse plan files on every core (`parseInWorkers`; the worker is worker.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import type { Root } from 'mdast';
import { parseChunked } from '../analysis/model/incremental.js';
import { isConvertiblePath } from '../convert/convert.js';

export type PoolAnswer<R> = { ok: true; value: R } | { ok: false; message: string };

export interface PoolOptions {
  /** The worker script: it calls `serveJobs`. */
  script: string | URL;
  /** Number of workers (default: the available parallelism), never more than the jobs. */
  size?: number;
  /** Data every worker receives once, at start (`shared` in `serveJobs`). */
  shared?: unknown;
  resourceLimits?: ResourceLimits;
}

interface JobMessage {
  index: number;
  job: unknown;
}

type AnswerMessage = { index: number } & PoolAnswer<unknown>;

/** Workers to start for `jobs` jobs: the machine's available parallelism, at most one per job. */
export function poolSize(jobs: number, size: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(jobs, Math.floor(size)));
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs every job in the pool; the answers are in the order of `jobs`. */
export function runInWorkers<J, R>(jobs: readonly J[], options: PoolOptions): Promise<PoolAnswer<R>[]> {
  const answers: PoolAnswer<R>[] = new Array<PoolAnswer<R>>(jobs.length);
  if (jobs.length === 0) return Promise.resolve(answers);
  return new Promise((resolve) => {
    let next = 0;
    let live = 0;
    const settle = (index: number, answer: PoolAnswer<R>) => {
      answers[index] ??= answer;
    };
    // Every worker has stopped, so every job was handed out and answered (or lost with its worker).
    const finish = () => {
      for (let i = 0; i < jobs.length; i++) settle(i, { ok: false, message: 'the job was not run' });
      resolve(answers);
    };
    const start = () => {
      let worker: Worker;
      try {
        worker = new Worker(options.script, { workerData: options.shared, resourceLimits: options.resourceLimits });
      } catch (e) {
        // No worker can start (a missing script): every job left gets the reason.
        while (next < jobs.length) settle(next++, { ok: false, message: `could not start a worker: ${messageOf(e)}` });
        if (live === 0) finish();
        return;
      }
      live++;
      let current: number | undefined;
      const feed = () => {
        if (next >= jobs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] } satisfies JobMessage);
      };
      let failure: string | undefined;
      worker.on('message', (m: AnswerMessage) => {
        settle(m.index, m.ok ? { ok: true, value: m.value as R } : { ok: false, message: m.message });
        feed();
      });
      worker.on('error', (e) => (failure = messageOf(e)));
      worker.once('exit', (code) => {
        live--;
        if (current !== undefined) {
          settle(current, { ok: false, message: failure ?? `the worker stopped (exit code ${code})` });
          if (next < jobs.length) start();
        }
        if (live === 0) finish();
      });
      feed();
    };
    for (let i = 0, n = poolSize(jobs.length, options.size); i < n; i++) start();
  });
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

let parseWorker: string | URL | undefined;

/** Where the parsing worker's script is (tests point at the compiled worker.js; jfp-check finds dist/cliWorker.cjs). */
export function setParseWorkerScript(script: string | URL | undefined): void {
  parseWorker = script;
}

function findParseWorker(): string | URL | undefined {
  if (parseWorker) return parseWorker;
  const dirs: string[] = [];
  try {
    if (process.argv[1]) dirs.push(path.dirname(fs.realpathSync(process.argv[1])));
  } catch {
    // argv[1] is not a file (node -e): try the bundle's own folder
  }
  if (typeof __filename === 'string') dirs.push(path.dirname(__filename));
  return dirs.map((d) => path.join(d, 'cliWorker.cjs')).find((f) => fs.existsSync(f));
}

/** A Markdown file's text and its parse tree, as a worker answers. */
export interface ParsedFile {
  text: string;
  root: Root;
}

/**
 * Parses Markdown plan files in worker threads, one file per job, all cores busy: parsing is
 * most of the cost of checking a plan. Returns the trees by text, so a tree is used only for
 * the very text it was parsed from (jfp-check reads each file again, with all its checks, and
 * parses on the main thread whatever is not here). Word and PDF files are left to the main
 * thread, which converts them as before. Empty when there is one file or one core, or no worker.
 */
export async function parseInWorkers(files: readonly string[], size: number = os.availableParallelism()): Promise<Map<string, Root>> {
  const trees = new Map<string, Root>();
  const markdown = files.filter((f) => !isConvertiblePath(f));
  const script = markdown.length > 1 && poolSize(markdown.length, size) > 1 ? findParseWorker() : undefined;
  if (!script) return trees;
  const answers = await runInWorkers<string, ParsedFile>(markdown, { script, size });
  for (const a of answers) if (a.ok) trees.set(a.value.text, a.value.root);
  return trees;
}

/**
 * A parser that takes each tree of `trees` once, for the text it was parsed from, and parses
 * anything else here (a tree is handed out once, so no two documents share one).
 */
export function treesOnce(trees: Map<string, Root> | undefined): ((text: string) => Root) | undefined {
  if (!trees || trees.size === 0) return undefined;
  return (text) => {
    const tree = trees.get(text);
    if (!tree) return parseChunked(text);
    trees.delete(text);
    return tree;
  };
}
