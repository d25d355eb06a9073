/** Small statistics and timing helpers shared by the benchmark modules. */
import { readFileSync } from 'node:fs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The p-th percentile (nearest rank) of a list of numbers. */
export const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];

export const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);

/** Two significant decimals for ratios, which are often small. */
export const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y > 0 ? Math.round((x / y) * 100) / 100 : NaN);

export const label = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);

/** A warm-up call that takes longer than this leaves only two timed runs (the 2 MB plans on a busy machine). */
const SLOW_MS = 1000;

/** Median of `runs` timed calls after one warm-up call, in ms (two calls when the warm-up was slow). */
export function time(fn, runs) {
  let start = performance.now();
  fn();
  const n = performance.now() - start > SLOW_MS ? Math.min(runs, 2) : runs;
  const times = [];
  for (let i = 0; i < n; i++) {
    start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

/** time() for an async function. */
export async function timeAsync(fn, runs) {
  let start = performance.now();
  await fn();
  const n = performance.now() - start > SLOW_MS ? Math.min(runs, 2) : runs;
  const times = [];
  for (let i = 0; i < n; i++) {
    start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

/** Offsets spread through the text where a character is inserted (before a line end). */
export function editOffsets(text, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const at = Math.floor(((i + 0.5) * text.length) / n);
    const eol = text.indexOf('\n', at);
    out.push(eol < 0 ? text.length : eol);
  }
  return out;
}

/** The LSP position of an offset (UTF-16 code units, as the text is a JS string). */
export function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on every Linux we run on). */
const USER_HZ = 100;

/**
 * CPU time (user and system) a process has used so far, in ms, from /proc (Linux); NaN elsewhere.
 * Read before and after the edits, it tells the server's own work from time spent waiting for a
 * core on a busy machine.
 */
export function cpuOf(pid) {
  try {
    // Fields after the command name (which may hold spaces), from the state on: utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process from /proc (Linux), in MB: the peak (VmHWM) and the current (VmRSS). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return { peak: NaN, now: NaN };
  }
}
