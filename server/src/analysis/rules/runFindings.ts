/**
 * Findings remembered per run of blocks (a heading and the blocks up to the next one, see
 * ../text/runs.ts): a run is the same object while its blocks are the same syntax tree nodes,
 * which the incremental parser keeps for every chunk an edit did not touch. So after an edit
 * a rule whose findings in a run depend only on that run looks again only at the runs the edit
 * changed; the others' findings are reported as they were (the same objects, so that what is
 * made of them later can be reused too), or moved by whole lines when the edit added or
 * removed lines before them. Within a run, nothing moves but whole lines: its text is the same.
 */
import type { Finding, FindingCode } from './findings.js';
import type { RuleContext } from './rule.js';
import type { Range } from '../types.js';
import { lineOf, runsOf, type PlacedRun, type Run } from '../text/runs.js';

/** A rule's memory of runs (or of other parts of a document): the findings of each, the settings they were made with and the line the part started on. */
export type RunMemory<P extends object = Run> = WeakMap<P, { key: string; line: number; findings: readonly Finding[] }>;

/**
 * Reports what `find` reports in each run (through the context's helpers), remembered per run.
 * `key` says everything besides the run that the findings depend on (a limit, the plan's
 * period...): a run is looked at again when it differs.
 */
export function reportByRun<C extends FindingCode>(ctx: RuleContext<C>, memory: RunMemory, key: string, find: (run: PlacedRun) => void): void {
  reportByPart(ctx, memory, key, runsOf(ctx.doc.plan.root), (placed) => placed.run, find);
}

/**
 * The same for any parts of a document that are one object while their text is the same (see
 * glossaryParts.ts): `part` gives a placed part's object, and `start` its offset.
 */
export function reportByPart<C extends FindingCode, P extends object, Placed extends { start: number; line?: number }>(
  ctx: RuleContext<C>,
  memory: RunMemory<P>,
  key: string,
  parts: Iterable<Placed>,
  part: (placed: Placed) => P,
  find: (placed: Placed) => void,
): void {
  const full = `${ctx.doc.uri}\n${key}`;
  const { lines } = ctx.doc.plan;
  for (const placed of parts) {
    const p = part(placed);
    let known = memory.get(p);
    if (known && known.key === full && known.findings.length === 0) continue;
    const line = lineOf(placed, lines);
    if (!known || known.key !== full) {
      known = { key: full, line, findings: ctx.made(() => find(placed)) };
      memory.set(p, known);
    } else if (known.line !== line) {
      const by = line - known.line;
      known = { key: full, line, findings: known.findings.map((f) => movedFinding(f, by)) };
      memory.set(p, known);
    }
    ctx.reportMade(known.findings);
  }
}

function movedRange(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

/** A finding moved down by `by` lines (up when negative), with the edits of its fix. */
export function movedFinding(f: Finding, by: number): Finding {
  const fix = f.data?.fix;
  const data = fix ? { ...f.data, fix: { ...fix, edits: fix.edits.map((e) => ({ ...e, range: movedRange(e.range, by) })) } } : f.data;
  return { ...f, range: movedRange(f.range, by), ...(data !== undefined ? { data } : {}) } as Finding;
}
