/**
 * A document's top-level blocks in runs: the blocks before the first heading, then each
 * heading with the blocks up to the next one (so run i holds the own blocks of section i of
 * the plan model). A run is one object for as long as its blocks are the same syntax tree
 * nodes: the incremental parser keeps the nodes of every chunk an edit did not touch (only
 * their positions move, in place), and a chunk always starts at a heading, so after an edit
 * only the runs of the chunks it touched are new. What is worked out per run and remembered
 * by it (readability, findings) is therefore worked out again only where the text changed,
 * and the document's results are put together from the runs: a walk over about one run per
 * section, with nothing read inside the others.
 */
import type { Root, RootContent } from 'mdast';

export interface Run {
  /** The blocks, in order: a heading first (except in the preamble's run, which may be empty). */
  readonly blocks: readonly RootContent[];
  /** The run's length when it was made (end of its last block minus start of its first): a check on the nodes' identity. */
  readonly length: number;
}

/** A run where it is in the current version: its start offset. */
export interface PlacedRun {
  run: Run;
  start: number;
  /** Index of the section it holds the own blocks of (see model/plan.ts). */
  section: number;
  /** Its start line (0-based), once asked for (see lineOf). */
  line?: number;
}

/** The line a run (or another part placed in this version) starts on (found once per version). */
export function lineOf(placed: { start: number; line?: number }, lines: { positionAt(offset: number): { line: number } }): number {
  placed.line ??= lines.positionAt(placed.start).line;
  return placed.line;
}

const EMPTY: Run = { blocks: [], length: 0 };

/** The run a heading (or the preamble's first block) started last time. */
const byFirst = new WeakMap<RootContent, Run>();
/** Each tree's runs, made once per version. */
const byRoot = new WeakMap<Root, PlacedRun[]>();

function spanOf(blocks: readonly RootContent[], from: number, to: number): number {
  if (to === from) return 0;
  return (blocks[to - 1]!.position?.end.offset ?? 0) - (blocks[from]!.position?.start.offset ?? 0);
}

/** The run of blocks[from, to): the one made last time when its blocks are the same nodes, else a new one. */
function runOf(blocks: readonly RootContent[], from: number, to: number): Run {
  if (to === from) return EMPTY;
  const length = spanOf(blocks, from, to);
  const known = byFirst.get(blocks[from]!);
  if (known && known.blocks.length === to - from && known.length === length) {
    let same = true;
    for (let i = 1; i < known.blocks.length && same; i++) same = known.blocks[i] === blocks[from + i];
    if (same) return known;
  }
  const run: Run = { blocks: blocks.slice(from, to), length };
  byFirst.set(blocks[from]!, run);
  return run;
}

/** A document's runs, in order, with their places: one more than it has top-level headings. */
export function runsOf(root: Root): readonly PlacedRun[] {
  const hit = byRoot.get(root);
  if (hit) return hit;
  const blocks = root.children;
  const runs: PlacedRun[] = [];
  // The preamble: the blocks before the first heading (none when the text starts with one).
  let from = 0;
  while (from < blocks.length && blocks[from]!.type !== 'heading') from++;
  push(runs, runOf(blocks, 0, from));
  while (from < blocks.length) {
    let to = from + 1;
    while (to < blocks.length && blocks[to]!.type !== 'heading') to++;
    push(runs, runOf(blocks, from, to));
    from = to;
  }
  byRoot.set(root, runs);
  return runs;
}

function push(runs: PlacedRun[], run: Run): void {
  const first = run.blocks[0];
  runs.push({ run, start: first?.position?.start.offset ?? 0, section: runs.length });
}
