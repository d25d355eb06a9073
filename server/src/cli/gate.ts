/**
 * jfp-check's gate: what makes a plan fail under the --fail-on policy, and the summary lines
 * printed at the end of every run.
 */
import type { PlanAnalysis } from '../analysis/analyse.js';
import { isStatutory } from '../analysis/data/catalogue.js';
import { countingShort } from '../analysis/present/headline.js';
import type { StatusChange } from '../formats/compare.js';
import { reportDiagnostics } from '../formats/json.js';
import type { FailOn } from './args.js';

/**
 * What makes the gate fail under the --fail-on policy (nothing with `never`): missing items
 * (and, with a baseline, lost coverage), by id, then every finding at `error` level (as
 * "CODE at FILE:LINE"; a rule's level is set in .jfp.json "rules").
 */
export function gateFailures(plan: PlanAnalysis, failOn: FailOn, changes: readonly StatusChange[] = [], file: (uri: string) => string = (uri) => uri): string[] {
  if (failOn === 'never') return [];
  const statutoryOnly = failOn === 'missing-statutory';
  const missing = plan.coverage.filter((c) => c.counted && c.status === 'missing' && (!statutoryOnly || isStatutory(plan.index.catalogue.get(c.id)!)));
  const lost = changes.filter((c) => c.direction === 'lost' && (!statutoryOnly || c.statutory) && !missing.some((m) => m.id === c.id));
  const errors = reportDiagnostics(plan, file).filter((d) => d.severity === 'error');
  return [...missing.map((c) => c.id), ...lost.map((c) => c.id), ...errors.map((d) => `${d.code} at ${d.file}:${d.line}`)];
}

/** The one-line summary printed at the end of every run. */
export function summaryLine(plan: PlanAnalysis, failOn: FailOn, failures: readonly string[], changes?: readonly StatusChange[]): string {
  const s = plan.summary;
  const statutory = plan.coverage.filter((c) => c.counted && c.status === 'missing' && isStatutory(plan.index.catalogue.get(c.id)!)).length;
  const lost = changes ? `, ${changes.filter((c) => c.direction === 'lost').length} lost since the baseline` : '';
  const gate = failOn === 'never' ? 'not gated' : failures.length === 0 ? `passed (--fail-on ${failOn})` : `FAILED (--fail-on ${failOn}: ${failures.join(', ')})`;
  return `jfp-check: ${plan.percent}% covered (${countingShort()}): ${s.addressed} addressed, ${s.partial} partial, ${s.missing} missing (${statutory} statutory), ${s.waived} waived of ${s.total}${lost}; ${gate}`;
}

/** The last summary line when there is more than one plan: how many, and which failed. */
export function plansSummaryLine(checked: readonly { failures: readonly string[] }[], unassigned: number, failOn: FailOn): string {
  const failed = checked.filter((c) => c.failures.length > 0);
  const loose = unassigned > 0 ? `, ${unassigned} file${unassigned === 1 ? '' : 's'} not assigned to a plan` : '';
  const gate = failOn === 'never' ? 'not gated' : failed.length === 0 ? `passed (--fail-on ${failOn})` : `FAILED (${failed.length} of ${checked.length} plans fail --fail-on ${failOn})`;
  return `jfp-check: ${checked.length} plans${loose}; ${gate}`;
}
