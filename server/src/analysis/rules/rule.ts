import type { CatalogueIndex } from '../data/catalogueIndex.js';
import type { DocumentAnalysis } from '../model/document.js';
import type { Section } from '../model/plan.js';
import type { ItemCoverage, PlanMode, RuleOptions, Severity } from '../types.js';
import type { Finding, FindingCode, FindingData } from './findings.js';
import type { PlanIdentity } from '../planIdentity.js';

/** What a rule reads: the document, the plan it belongs to, and the settings. */
export interface AnalysisContext {
  doc: DocumentAnalysis;
  index: CatalogueIndex;
  /** Coverage of the whole plan the document belongs to. */
  coverage: ReadonlyMap<string, ItemCoverage>;
  /** True for the plan's main document, which carries plan-wide findings. */
  isPrimary: boolean;
  /** Every document of the plan (the primary one included), for plan-wide checks. */
  documents: readonly DocumentAnalysis[];
  /** The mode the plan is checked in ('summary' plans need not carry every statutory element). */
  mode: PlanMode;
  options: RuleOptions;
  /** The plan's type and catalogue edition (see planIdentity.ts). */
  identity: PlanIdentity;
}

/** Per finding: a level other than the rule's default (e.g. the catalogue item's own level). */
export interface ReportOptions {
  severity?: Severity;
}

/**
 * What a rule sees: the analysis context, and helpers that report a finding of the rule's
 * code. They fill in the document, code, level and range; the rule gives the message (written
 * with l10n.t, so that it can be translated) and the data its code carries.
 */
export interface RuleContext<C extends FindingCode = FindingCode> extends AnalysisContext {
  /** Reports text between two offsets of the document. */
  report(start: number, end: number, message: string, data: FindingData<C>, options?: ReportOptions): void;
  /** Reports a plan-wide finding, placed on the plan's title (see planAnchor). */
  reportOnPlan(message: string, data: FindingData<C>, options?: ReportOptions): void;
  /** Reports on a section's heading; for the preamble (no heading), on its first line. */
  reportOnHeading(section: Section, message: string, data: FindingData<C>, options?: ReportOptions): void;
  /** The findings the helpers above report while `fn` runs, returned instead of reported (to remember them: see runFindings.ts). */
  made(fn: () => void): Finding[];
  /** Reports findings made earlier by `made`, as they are. */
  reportMade(findings: readonly Finding[]): void;
}

export interface Rule<C extends FindingCode = FindingCode> {
  code: C;
  /** Level used when the configuration says nothing (a rule may vary it per finding). */
  defaultSeverity: Severity;
  /** One line for documentation and the SARIF/rule listings. */
  description: string;
  /** Reports through the context's helpers. */
  run(ctx: RuleContext<C>): void;
}

/** Range of the place plan-wide findings attach to: the title, else the front matter, else the first line. */
export function planAnchor(doc: DocumentAnalysis): { start: number; end: number } {
  const { plan } = doc;
  if (plan.title) return { start: plan.title.start, end: plan.title.end };
  return { start: 0, end: plan.lines.lineEnd(0) };
}

/** Offsets of a section's heading, or of the first line of the preamble. */
export function headingSpan(doc: DocumentAnalysis, section: Section): { start: number; end: number } {
  if (section.depth > 0) return { start: section.headingStart, end: section.headingEnd };
  return { start: section.start, end: doc.plan.lines.lineEnd(doc.plan.lines.positionAt(section.start).line) };
}

/** The context a rule runs with: its findings are appended to `out`. */
export function ruleContext<C extends FindingCode>(ctx: AnalysisContext, rule: Rule<C>, out: Finding[]): RuleContext<C> {
  const { doc } = ctx;
  let target = out;
  const report = (start: number, end: number, message: string, data: FindingData<C>, options?: ReportOptions): void => {
    const finding = { uri: doc.uri, range: doc.plan.lines.rangeOf(start, end), severity: options?.severity ?? rule.defaultSeverity, code: rule.code, message, data };
    target.push(finding as Finding);
  };
  return {
    ...ctx,
    report,
    reportOnPlan(message, data, options) {
      const at = planAnchor(doc);
      report(at.start, at.end, message, data, options);
    },
    reportOnHeading(section, message, data, options) {
      const at = headingSpan(doc, section);
      report(at.start, at.end, message, data, options);
    },
    made(fn) {
      const outer = target;
      const made: Finding[] = (target = []);
      try {
        fn();
      } finally {
        target = outer;
      }
      return made;
    },
    reportMade(findings) {
      for (const f of findings) out.push(f);
    },
  };
}
