import type { PlanAnalysis } from './analyse.js';
import type { CoverageReportEntry } from '../../../shared/coverage.js';

export type { CoverageReportEntry };

/** Coverage entries, with each document URI shown through `file` (a path for the CLI, the URI for editors). */
export function coverageEntries(plan: PlanAnalysis, file: (uri: string) => string): CoverageReportEntry[] {
  return plan.coverage.map((c) => {
    const item = plan.index.catalogue.get(c.id)!;
    return {
      id: c.id,
      title: c.title,
      kind: c.kind,
      counted: c.counted,
      status: c.status,
      legalBasis: item.legalBasis.citation,
      evidence: c.evidence.map((e) => ({ file: file(e.uri), line: e.line + 1, endLine: e.endLine + 1, heading: e.heading, how: e.how, terms: e.terms, ...(e.quote ? { quote: e.quote } : {}) })),
      elements: { covered: c.elements.covered, total: c.elements.total, missing: [...c.elements.missing] },
      ...(c.started ? { started: true } : {}),
      ...(c.waiver ? { waiver: { file: file(c.waiver.uri), line: c.waiver.line + 1, reason: c.waiver.reason, ...(c.waiver.notMet ? { notMet: true } : {}) } } : {}),
    };
  });
}
