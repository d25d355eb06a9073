/**
 * The "Points to review" of the board reports (HTML and Word): the plan's findings grouped by
 * check (diagnostic code), most severe and most frequent first, each group with its count, its
 * worst example and the places it was found (file, section, line).
 */
import type { PlanAnalysis } from '../analysis/analyse.js';
import { sectionAt } from '../analysis/model/plan.js';
import type { Severity } from '../analysis/types.js';
import { reportDiagnostics } from './json.js';

export type ReportDiagnostic = ReturnType<typeof reportDiagnostics>[number];

export interface FindingPlace {
  file: string;
  /** The heading of the section the finding is in ("Opening text" before the first heading). */
  section: string;
  line: number;
  message: string;
}

export interface FindingGroup {
  code: string;
  /** The most severe level among the group's findings. */
  severity: Severity;
  count: number;
  /** The message of the first finding at that level. */
  example: string;
  places: FindingPlace[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * The findings a report lists: every presented diagnostic except the plan summary, which
 * repeats what the report's own summary and gaps say.
 */
export function reviewDiagnostics(plan: PlanAnalysis, file: (uri: string) => string): ReportDiagnostic[] {
  return reportDiagnostics(plan, file).filter((d) => d.code !== 'jfp.plan.summary');
}

/** Findings grouped by check, most severe first, then most frequent. */
export function groupFindings(plan: PlanAnalysis, file: (uri: string) => string, diagnostics: readonly ReportDiagnostic[]): FindingGroup[] {
  const byCode = new Map<string, ReportDiagnostic[]>();
  for (const d of diagnostics) {
    const list = byCode.get(d.code);
    if (list) list.push(d);
    else byCode.set(d.code, [d]);
  }
  const docs = new Map(plan.documents.map((doc) => [file(doc.uri), doc]));
  const groups = [...byCode].map(([code, list]): FindingGroup => {
    const rank = Math.min(...list.map((d) => SEVERITY_ORDER.indexOf(d.severity)));
    const worst = list.find((d) => SEVERITY_ORDER.indexOf(d.severity) === rank)!;
    const places = list.map((d) => {
      const doc = docs.get(d.file);
      const section = doc ? doc.plan.sections[sectionAt(doc.plan.sections, doc.plan.lines.offsetAt({ line: d.line - 1, character: d.column - 1 }))] : undefined;
      return { file: d.file, section: section?.heading || 'Opening text', line: d.line, message: d.message };
    });
    return { code, severity: worst.severity, count: list.length, example: worst.message, places };
  });
  return groups.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count);
}
