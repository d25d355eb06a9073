/**
 * What is shown to people: the rules' findings after the plan-level ones are summed up on the
 * title (planSummary.ts), repeated style findings grouped per section (grouping.ts), and at most
 * two on a line (lineCap.ts).
 * The editor, jfp-check and the reports show these; the rules' own findings stay available
 * (PlanAnalysis.findings) for "fix all" and for tests of each rule.
 */
import type { DocumentAnalysis } from '../model/document.js';
import { planAnchor } from '../rules/rule.js';
import type { Finding, ItemCoverage, Level } from '../types.js';
import { groupRepeated } from './grouping.js';
import { capPerLine } from './lineCap.js';
import { PLAN_SUMMARY_CODE, summarisePlan } from './planSummary.js';

export { PLAN_SUMMARY_CODE };

export interface PresentContext {
  doc: DocumentAnalysis;
  /** True for the plan's main document, which carries plan-wide findings. */
  isPrimary: boolean;
  coverage: readonly ItemCoverage[];
  levels: Readonly<Record<string, Level>>;
}

/** A document's findings as shown: plan-level ones summed up on the primary's title, repeats grouped. */
export function presentFindings(findings: readonly Finding[], ctx: PresentContext): Finding[] {
  const { doc, levels } = ctx;
  const summaryLevel = levels[PLAN_SUMMARY_CODE];
  // "off": each finding on its own, as before summaries (repeats are still grouped).
  if (summaryLevel === 'off') return groupRepeated(doc, findings);
  let shown: Finding[];
  if (ctx.isPrimary) {
    const anchor = planAnchor(doc);
    shown = summarisePlan({
      uri: doc.uri,
      findings,
      anchor: doc.plan.lines.rangeOf(anchor.start, anchor.end),
      coverage: ctx.coverage,
      partialLevel: levels['jfp.duty.partial'] ?? 'information',
      summaryLevel,
    });
  } else {
    // Partly covered items are listed on the main document's title.
    shown = findings.filter((f) => f.code !== 'jfp.duty.partial');
  }
  return capPerLine(groupRepeated(doc, shown));
}
