import type { PlanAnalysis } from '../analysis/analyse.js';
import { statusLine } from '../analysis/explain.js';
import { identityLine } from '../analysis/planIdentity.js';
import { planLabel } from '../analysis/planSet.js';
import { reportDiagnostics } from './json.js';
import { countingNote } from '../analysis/present/headline.js';

const STATUS_MARK = { addressed: '✓', partial: '~', missing: '✗', waived: '–' } as const;

/** `jfp-check` text output: one line per diagnostic, then the coverage table and a summary line. */
export function formatText(plan: PlanAnalysis, file: (uri: string) => string): string {
  const lines: string[] = [];
  for (const d of reportDiagnostics(plan, file)) {
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  if (lines.length > 0) lines.push('');
  const counted = plan.coverage.filter((c) => c.counted);
  const width = Math.max(...counted.map((c) => c.title.length), 10);
  lines.push(`Coverage (${plan.index.catalogue.data.title}, ${plan.mode} plan)`);
  lines.push(`  ${identityLine(plan.identity)}`);
  for (const c of counted) {
    const where = c.evidence[0] ? `  ${file(c.evidence[0].uri)}:${c.evidence[0].line + 1} ${c.evidence[0].heading}`.trimEnd() : '';
    lines.push(`  ${STATUS_MARK[c.status]} ${c.title.padEnd(width)}  ${statusLine(c)}${where}`);
    if (c.evidence[0]?.quote) lines.push(`    “${c.evidence[0].quote}”`);
  }
  const s = plan.summary;
  lines.push('');
  lines.push(`${s.addressed} addressed, ${s.partial} partial, ${s.missing} missing, ${s.waived} waived of ${s.total} (${plan.percent}% covered). ${countingNote()}`);
  return lines.join('\n') + '\n';
}

/** Which plan a report is about: "Alpha Joint Forward Plan (plans/alpha.md)". */
export function planHeading(plan: PlanAnalysis, file: (uri: string) => string): string {
  const { title, main } = planLabel(plan);
  return main ? `${title} (${file(main)})` : title;
}
