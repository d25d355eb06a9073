/**
 * A document's text in parts, for matchers of literal phrases (abbreviations, glossary terms,
 * process phrases) whose results are remembered per part. A part is a stretch of runs of
 * blocks (runs.ts) cut only before a "#" that starts a line and starts a heading: no phrase
 * of those matchers contains "#" (each checks), and their look-behind and look-ahead see a
 * non-word character at such a cut just as at the ends of a text, so a part's hits, matched in
 * its own text, are exactly the document's hits there (as TermMatcher's segments argue). A part
 * is the same object while its runs are (so its text is: the parser kept their chunks) and the
 * excluded ranges that meet it are the same, relative to it; after an edit only the parts it
 * touched are new, and results are put together from the parts.
 */
import type { Root } from 'mdast';
import { runsOf, type PlacedRun, type Run } from './runs.js';

export interface TextPart {
  readonly runs: readonly Run[];
  /** Its text's length. */
  readonly length: number;
  /** The excluded ranges that meet it, cut to it, relative to its start, sorted by start. */
  readonly excluded: readonly (readonly [number, number])[];
}

export interface PlacedPart {
  part: TextPart;
  start: number;
  /** Its start line, once asked for (see runs.ts lineOf). */
  line?: number;
}

/** A document's text, syntax tree and the ranges that are not prose (sorted by start): a plan model (see model/plan.ts). */
interface Prose {
  text: string;
  root: Root;
  excluded: readonly (readonly [number, number])[];
}

/** The part made last time from the runs starting with a given one. */
const byFirst = new WeakMap<Run, TextPart>();
const byPlan = new WeakMap<Prose, PlacedPart[]>();

/** The document's parts in order, with their starts (found once per version). */
export function textParts(plan: Prose): readonly PlacedPart[] {
  const hit = byPlan.get(plan);
  if (hit) return hit;
  const { text } = plan;
  const runs = runsOf(plan.root);
  // Where parts start: the text's start, and every run whose heading starts a line with "#".
  const cuts: number[] = [0];
  for (let i = 1; i < runs.length; i++) {
    const { start } = runs[i]!;
    if (start > 0 && text.charCodeAt(start) === 0x23 && text.charCodeAt(start - 1) === 0x0a) cuts.push(i);
  }
  const parts: PlacedPart[] = [];
  const excluded = plan.excluded;
  /** Excluded ranges that started before the current part and may reach into it. */
  let open: (readonly [number, number])[] = [];
  let x = 0;
  for (let c = 0; c < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1] ?? runs.length;
    const start = c === 0 ? 0 : runs[from]!.start;
    const end = c + 1 < cuts.length ? runs[to]!.start : text.length;
    // The excluded ranges that meet the part, cut to it: those still open, then those starting in it.
    const relative: number[] = [];
    let still: (readonly [number, number])[] | undefined;
    for (const r of open) {
      if (r[1] <= start) continue;
      relative.push(0, Math.min(r[1], end) - start);
      if (r[1] > end) (still ??= []).push(r);
    }
    for (; x < excluded.length && excluded[x]![0] < end; x++) {
      const r = excluded[x]!;
      if (r[1] <= start) continue;
      relative.push(Math.max(r[0], start) - start, Math.min(r[1], end) - start);
      if (r[1] > end) (still ??= []).push(r);
    }
    open = still ?? [];
    parts.push({ part: partOf(runs, from, to, end - start, relative), start });
  }
  byPlan.set(plan, parts);
  return parts;
}

function partOf(placed: readonly PlacedRun[], from: number, to: number, length: number, relative: number[]): TextPart {
  // The preamble's run may be empty (and shared): a part is known by its first run with blocks.
  let first = from;
  while (first < to && placed[first]!.run.blocks.length === 0) first++;
  const key = first < to ? placed[first]!.run : undefined;
  const known = key && byFirst.get(key);
  if (known && known.length === length && known.runs.length === to - from && sameRanges(known.excluded, relative)) {
    let runs = true;
    for (let i = 0; i < known.runs.length && runs; i++) runs = known.runs[i] === placed[from + i]!.run;
    if (runs) return known;
  }
  const excluded: [number, number][] = [];
  for (let i = 0; i < relative.length; i += 2) excluded.push([relative[i]!, relative[i + 1]!]);
  const part: TextPart = { runs: placed.slice(from, to).map((r) => r.run), length, excluded };
  if (key) byFirst.set(key, part);
  return part;
}

function sameRanges(a: readonly (readonly [number, number])[], flat: readonly number[]): boolean {
  if (a.length * 2 !== flat.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== flat[2 * i] || a[i]![1] !== flat[2 * i + 1]) return false;
  return true;
}
