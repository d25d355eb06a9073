import type { PlanAnalysis } from '../../analysis/analyse.js';
import { identityReport } from '../../analysis/planIdentity.js';
import { coverageEntries } from '../../analysis/report.js';
import type { CoverageResult } from '../../../../shared/protocol.js';
import { isUnassigned, planLabel } from '../../analysis/planSet.js';

const EMPTY: CoverageResult = { isPlan: false, items: [], summary: { addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 }, percent: 0 };

/** The answer to `jfp/coverage`: the plan's coverage, with document URIs as files. */
export function coverageResult(plan: PlanAnalysis | undefined): CoverageResult {
  // A file that two plans could claim is in no plan: its one finding says how to assign it.
  if (!plan || isUnassigned(plan)) return EMPTY;
  const { title, main } = planLabel(plan);
  return {
    isPlan: true,
    items: coverageEntries(plan, (uri) => uri),
    summary: plan.summary,
    percent: plan.percent,
    identity: identityReport(plan.identity),
    ...(main ? { plan: { title, uri: main } } : {}),
  };
}
