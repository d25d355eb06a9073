import type { PlanAnalysis } from '../analysis/analyse.js';
import { identityReport } from '../analysis/planIdentity.js';
import { coverageEntries } from '../analysis/report.js';

/** Diagnostics as reported by the CLI: lines and columns 1-based. */
export function reportDiagnostics(plan: PlanAnalysis, file: (uri: string) => string) {
  const out = [];
  for (const doc of plan.documents) {
    for (const f of plan.presented.get(doc.uri) ?? []) {
      out.push({
        file: file(f.uri),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** `jfp-check --format json`: version 1 of the report shape (see README). */
export function formatJson(plan: PlanAnalysis, file: (uri: string) => string): string {
  const report = {
    version: 1,
    catalogue: { id: plan.index.catalogue.id, edition: plan.index.catalogue.edition },
    ...identityReport(plan.identity),
    files: plan.documents.map((d) => file(d.uri)),
    mode: plan.mode,
    coverage: coverageEntries(plan, file),
    summary: plan.summary,
    diagnostics: reportDiagnostics(plan, file),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
