import type { PlanAnalysis } from '../analysis/analyse.js';
import type { CoverageStatus } from '../analysis/types.js';
import { cell, STATUS_LABELS } from './annex.js';
import { countingNote } from '../analysis/present/headline.js';

/** How good a status is, for ordering changes: a lower rank after than before is lost coverage. */
const RANK: Record<CoverageStatus | 'absent', number> = { absent: -1, missing: 0, partial: 1, waived: 2, addressed: 3 };

export interface StatusChange {
  id: string;
  title: string;
  statutory: boolean;
  before: CoverageStatus | 'absent';
  after: CoverageStatus | 'absent';
  /** 'lost' when coverage went down (or the item is no longer counted), 'gained' when it went up, 'changed' otherwise. */
  direction: 'lost' | 'gained' | 'changed';
}

/**
 * Items whose status differs between the previous plan and this one: lost coverage first
 * (statutory items before others), then gains. Items counted in neither plan are ignored.
 */
export function compareCoverage(previous: PlanAnalysis, current: PlanAnalysis): StatusChange[] {
  const ids = [...new Set([...previous.coverage, ...current.coverage].filter((c) => c.counted).map((c) => c.id))];
  const changes: StatusChange[] = [];
  for (const id of ids) {
    const old = previous.byId.get(id);
    const now = current.byId.get(id);
    const before = old?.counted ? old.status : 'absent';
    const after = now?.counted ? now.status : 'absent';
    if (before === after) continue;
    const item = current.index.catalogue.get(id) ?? previous.index.catalogue.get(id);
    const direction = RANK[after] < RANK[before] ? 'lost' : RANK[after] > RANK[before] ? 'gained' : 'changed';
    changes.push({
      id,
      title: now?.title ?? old?.title ?? id,
      statutory: item ? item.kind === 'statutory-duty' || item.kind === 'statutory-requirement' : false,
      before,
      after,
      direction,
    });
  }
  const order = { lost: 0, changed: 1, gained: 2 };
  return changes.sort((a, b) => order[a.direction] - order[b.direction] || Number(b.statutory) - Number(a.statutory));
}

const label = (s: CoverageStatus | 'absent') => (s === 'absent' ? 'Not counted' : STATUS_LABELS[s]);

/** The comparison as Markdown (for the editor) or plain text (for the CLI). */
export function formatComparison(changes: readonly StatusChange[], previous: PlanAnalysis, current: PlanAnalysis, format: 'markdown' | 'text'): string {
  const lost = changes.filter((c) => c.direction === 'lost').length;
  const gained = changes.filter((c) => c.direction === 'gained').length;
  const summary = `${changes.length} item${changes.length === 1 ? '' : 's'} changed: ${lost} lost coverage, ${gained} gained. Coverage was ${previous.percent}%, now ${current.percent}%. ${countingNote()}`;
  if (format === 'text') {
    const lines = changes.map((c) => `  ${c.direction.padEnd(7)} ${c.title}${c.statutory ? ' (statutory)' : ''}: ${label(c.before)} → ${label(c.after)}`);
    return ['Changes since the previous plan', ...(lines.length ? lines : ['  (no item changed status)']), '', summary].join('\n') + '\n';
  }
  const rows = changes.map((c) => `| ${c.direction === 'lost' ? '**Lost**' : c.direction === 'gained' ? 'Gained' : 'Changed'} | ${cell(c.title)} | ${c.statutory ? 'Yes' : 'No'} | ${label(c.before)} | ${label(c.after)} |`);
  return [
    '# Changes since the previous plan',
    '',
    summary,
    '',
    ...(rows.length ? ['| Change | Item | Statutory | Before | Now |', '|---|---|---|---|---|', ...rows] : ['No item changed status.']),
    '',
  ].join('\n');
}
