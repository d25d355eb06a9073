import type { CatalogueIndex } from '../data/catalogueIndex.js';
import type { DocumentAnalysis } from '../model/document.js';
import type { PlanIdentity } from '../planIdentity.js';
import type { Finding, ItemCoverage, PlanMode, RuleOptions, Severity } from '../types.js';

export interface RuleContext {
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

export interface Rule {
  code: string;
  /** Level used when the configuration says nothing (a rule may vary it per finding). */
  defaultSeverity: Severity;
  /** One line for documentation and the SARIF/rule listings. */
  description: string;
  run(ctx: RuleContext): Finding[];
}

/** Range of the place plan-wide findings attach to: the title, else the front matter, else the first line. */
export function planAnchor(doc: DocumentAnalysis): { start: number; end: number } {
  const { plan } = doc;
  if (plan.title) return { start: plan.title.start, end: plan.title.end };
  return { start: 0, end: plan.lines.lineEnd(0) };
}

export function findingRange(doc: DocumentAnalysis, start: number, end: number): Finding['range'] {
  return doc.plan.lines.rangeOf(start, end);
}
