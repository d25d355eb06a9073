/**
 * A measure of work that does not depend on time: the number of JavaScript blocks run.
 * V8's precise block coverage (through the in-process inspector) counts every function call
 * and every execution of a block (a loop body, a branch) in every script, ours and the
 * libraries' (micromark, YAML, the schema validator). The count for the same call is the
 * same on an idle or a busy machine, so growth ratios are exact. What it does not see is work
 * inside built-in functions (a regular expression's own steps, `indexOf`, `slice`); the CPU
 * time taken alongside is a secondary figure, printed, never asserted. Blocks are counted
 * only in functions compiled after counting started, so start it before loading the code
 * measured, in a process of its own (complexityRun.ts).
 */
import { Session } from 'node:inspector';

interface Coverage {
  result: { functions: { ranges: { count: number }[] }[] }[];
}

let session: Session | undefined;

function post<T>(method: string, params?: object): T {
  let result: unknown;
  let error: Error | null = null;
  // An in-process session answers synchronously: the callback runs before post returns.
  session!.post(method, params, (e, r) => {
    error = e;
    result = r;
  });
  if (error) throw error as Error;
  return result as T;
}

/** Starts counting (recompiles functions with block counters). */
export function startCounting(): void {
  if (session) return;
  session = new Session();
  session.connect();
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

/** Stops counting, so the tests after these run at full speed. */
export function stopCounting(): void {
  if (!session) return;
  post('Profiler.stopPreciseCoverage');
  post('Profiler.disable');
  session.disconnect();
  session = undefined;
}

function total(coverage: Coverage): number {
  let sum = 0;
  for (const script of coverage.result) for (const f of script.functions) for (const range of f.ranges) sum += range.count;
  return sum;
}

/** The blocks run by one call of fn, and (secondary) its CPU time in microseconds. */
export function operations(fn: () => unknown): { blocks: number; cpu: number } {
  if (!session) throw new Error('startCounting() first');
  post('Profiler.takePreciseCoverage'); // resets the counters
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return { blocks: total(post<Coverage>('Profiler.takePreciseCoverage')), cpu: d.user + d.system };
}
