/**
 * jfp-check on every core: each whole plan is checked on one thread (the main thread takes its
 * share of the work), and only plain data crosses between threads. First every plan file is read
 * and analysed on whichever thread is free, answering the facts that group files into plans;
 * then each plan is checked, and its report data built, on the thread that holds most of its
 * files; the main thread puts the report together in the order of the plans, exactly as `run`
 * writes it on one thread. One plan, little text, --baseline or a Word report: one thread.
 * Anything unexpected on a worker (a file it cannot read, a worker that stops): the whole run
 * is done again on one thread, which reports it as before.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { planFileGlobs } from '../analysis/data/config.js';
import { listedFiles, type PlanFileFacts } from '../analysis/planGroups.js';
import { configuredPlans, planJobsOfFacts } from '../analysis/planSet.js';
import { isConvertiblePath } from '../convert/convert.js';
import { collectFilesAndOthers } from '../host/planInput.js';
import { pathToUri, uriToPath } from '../host/uri.js';
import { parseArgs } from './args.js';
import { reportErrors, reportSettings, run, writeReport, type Outcome } from './cli.js';
import { findWorkerScript, runBatch, WorkerLane, type BatchMessage } from './parallel.js';
import { PlanChecker, type ThreadAnswer, type ThreadJob, type ThreadSetup } from './planCheck.js';
import type { PlanReport, UnassignedReport } from './planReports.js';
import { docsBase, loadConfig } from './setup.js';

/** Below this much Markdown in all, starting worker threads costs more than they share. */
export const MIN_PARALLEL_BYTES = 1_000_000;

/**
 * JFP_CHECK_JOBS: how many threads check plans, the main thread included (1: one thread);
 * undefined when it is not set to a whole number of at least 1 (chosen by `threadsFor`).
 */
export function checkJobs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const jobs = Number(env.JFP_CHECK_JOBS);
  return env.JFP_CHECK_JOBS && Number.isInteger(jobs) && jobs >= 1 ? jobs : undefined;
}

/**
 * Threads for checking files of these sizes: `asked` (JFP_CHECK_JOBS) when given, else the
 * machine's available parallelism when there are two files or more and at least
 * MIN_PARALLEL_BYTES in all, else one; never more than one per file.
 */
export function threadsFor(sizes: readonly number[], asked?: number, cores: number = os.availableParallelism()): number {
  const enough = sizes.length > 1 && sizes.reduce((a, b) => a + b, 0) >= MIN_PARALLEL_BYTES;
  return Math.max(1, Math.min(sizes.length, asked ?? (enough ? cores : 1)));
}

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** What a run on several threads needs, or undefined when it is one thread's work (or a usage error, which `run` reports). */
function threadedRun(argv: string[], jobs: number | undefined) {
  try {
    const args = parseArgs(argv);
    if (typeof args !== 'object' || args.baseline.length > 0 || args.format === 'docx' || args.format === 'docx-annex') return undefined;
    const said: string[] = [];
    const { config, folder } = loadConfig(args.config, (s) => said.push(s));
    const { files, others } = collectFilesAndOthers(args.paths, planFileGlobs(config));
    const threads = threadsFor(files.map(sizeOf), jobs);
    const script = threads > 1 ? findWorkerScript() : undefined;
    if (!script) return undefined;
    return { args, said, files, others, threads, script, configured: configuredPlans(config, folder !== undefined ? pathToUri(folder) : undefined) };
  } catch {
    return undefined;
  }
}

let threadsUsed = 1;

/** How many threads the last `runInParallel` checked plans on (1: it ran, or ran again, on one thread); for tests. */
export function lastRunThreads(): number {
  return threadsUsed;
}

/** Checks the plans of a command line on `jobs` threads (default: see threadsFor), or on one thread; returns the exit status. */
export async function runInParallel(argv: string[], out: (s: string) => void, err: (s: string) => void, jobs?: number): Promise<number> {
  threadsUsed = 1;
  const plan = threadedRun(argv, jobs);
  if (!plan) return run(argv, out, err);
  const setup: ThreadSetup = { argv, docsBase: docsBase(), settings: reportSettings(plan.args, false) };
  const lanes: Lane[] = [];
  const close = () => lanes.forEach((lane) => lane.close());
  let outcome: Outcome;
  try {
    const here = new PlanChecker(setup);
    for (let i = 1; i < plan.threads; i++) lanes.push(new WorkerLane(plan.script, setup));
    outcome = await checkOnThreads(plan, (job) => here.handle(job), lanes);
  } catch {
    // Stop the workers first, so that the run on one thread has the cores to itself.
    close();
    return run(argv, out, err);
  }
  close();
  threadsUsed = plan.threads;
  for (const s of plan.said) err(s);
  return reportErrors(err, () => writeReport(plan.args, outcome, out, err));
}

type Lane = WorkerLane<BatchMessage<ThreadJob>, [number, ThreadAnswer][]>;

async function checkOnThreads(plan: NonNullable<ReturnType<typeof threadedRun>>, here: (job: ThreadJob) => ThreadAnswer, lanes: Lane[]): Promise<Outcome> {
  // Files are read by whichever thread is free; Word and PDF files on the main thread (converted in their own worker, as on one thread).
  const holder = new Map<string, number>();
  const read = async (files: readonly string[]) => {
    const jobs = files.map((file): ThreadJob => ({ kind: 'read', file }));
    const pinned = files.map(isConvertiblePath);
    const answers = await runBatch(jobs, here, lanes, { owners: pinned.map((p) => (p ? 0 : -1)), pinned });
    for (const a of answers) holder.set((a.value as PlanFileFacts).uri, a.lane);
    return answers.map((a) => a.value as PlanFileFacts);
  };
  const facts = await read(plan.files);
  const listed = listedFiles(facts, plan.others.map(pathToUri));
  if (listed.length > 0) facts.push(...(await read(listed.map((uri) => uriToPath(uri)!))));
  const { plans, unassigned } = planJobsOfFacts(facts, plan.configured);
  const several = plans.length > 1 || unassigned.length > 0;
  const jobs: ThreadJob[] = [
    ...plans.map((p, i) => ({ kind: 'check' as const, plan: p, several, first: i === 0, unassigned: false })),
    ...(several ? unassigned : []).map((p) => ({ kind: 'check' as const, plan: p, several, first: false, unassigned: true })),
  ];
  // Each plan is checked by the thread that holds most of its files (ties: the one holding its
  // main file); a thread left idle takes plans of a busier one, reading their files again. A plan
  // with a Word or PDF file stays on the main thread.
  const owners = jobs.map((job) => {
    const uris = job.kind === 'check' ? job.plan.uris : [];
    const count = (lane: number) => uris.filter((u) => holder.get(u) === lane).length;
    return uris.map((u) => holder.get(u) ?? 0).reduce((best, lane) => (count(lane) > count(best) ? lane : best), holder.get(uris[0]!) ?? 0);
  });
  const pinned = jobs.map((job) => job.kind === 'check' && job.plan.uris.some((u) => isConvertiblePath(uriToPath(u) ?? u)));
  const reports = (await runBatch(jobs, here, lanes, { owners, pinned, steal: true })).map((a) => a.value);
  return {
    several,
    plans: reports.slice(0, plans.length) as PlanReport[],
    unassigned: reports.slice(plans.length) as UnassignedReport[],
    uris: [...plans, ...unassigned].flatMap((p) => p.uris),
  };
}

/**
 * A reader that stops early (`jfp-check plan.md | head`) closes the pipe: end quietly with the
 * gate's exit status, as other command-line tools do, instead of printing an EPIPE stack. The
 * pipe may close before the status is known (worker threads still checking): then the end
 * waits for it.
 */
let finalCode: number | undefined;
let pipeClosed = false;

function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    pipeClosed = true;
    if (finalCode !== undefined) process.exit(finalCode);
  });
}

function finish(code: number): void {
  finalCode = code;
  process.exitCode = code;
  if (pipeClosed) process.exit(code);
}

export function main(): void {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  runInParallel(process.argv.slice(2), out, err, checkJobs()).then(finish, (e: unknown) => {
    process.stderr.write(`jfp-check: ${e instanceof Error ? e.message : String(e)}\n`);
    finish(2);
  });
}

