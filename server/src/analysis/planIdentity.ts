/**
 * What kind of plan a document set is and which catalogue edition it is checked against:
 * the plan type from the front matter `plan:`, the title or the file name; the edition from
 * the configuration, the front matter `edition:`, the plan's period, or the type's default.
 */
import { editionById, editionForYear, getPlanning, planTypeById, planTypeNamedIn, type Edition, type PlanType } from './data/planning.js';
import type { PlanIdentityReport } from '../../../shared/coverage.js';
import type { DocumentAnalysis } from './model/document.js';
import type { PlanModel } from './model/plan.js';
import { findHorizon } from './rules/planPeriod.js';

export type PlanTypeSource = 'front matter' | 'title' | 'file name' | 'default';
export type EditionSource = 'settings' | '.jfp.json' | 'front matter' | 'period' | 'plan type';

export interface PlanIdentity {
  type: PlanType;
  typeSource: PlanTypeSource;
  edition: Edition;
  editionSource: EditionSource;
  /** The newest edition that fits the plan's period (undefined when the period is not known). */
  fittingEdition: Edition | undefined;
  /** First financial year of the plan's period (2026 for 2026/27), when known. */
  firstYear: number | undefined;
  /** A front matter `edition:` that names no known edition, as written. */
  unknownEdition?: string;
}

/** An edition chosen by the configuration ('auto' or absent: chosen from the plan). */
export interface EditionOverride {
  edition: string;
  source: 'settings' | '.jfp.json';
}

function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The plan type a document declares in its front matter `plan:` (a known type id), if any. */
export function declaredPlanType(plan: PlanModel): PlanType | undefined {
  const value = plan.frontMatter?.data.plan;
  return typeof value === 'string' ? planTypeById(value) : undefined;
}

/** The title text of a document: its first level-1 heading, else its front matter title. */
export function titleOf(plan: PlanModel): string {
  const h1 = plan.sections.find((s) => s.depth === 1)?.heading;
  const fm = plan.frontMatter?.data.title;
  return [h1, typeof fm === 'string' ? fm : undefined].filter((t): t is string => t !== undefined).join(' \u0000 ');
}

/** The plan type of a document and where it was read: front matter, title, file name, else the Joint Forward Plan. */
export function planTypeOf(doc: Pick<DocumentAnalysis, 'uri' | 'plan'>): { type: PlanType; source: PlanTypeSource } {
  const declared = declaredPlanType(doc.plan);
  if (declared) return { type: declared, source: 'front matter' };
  const fromTitle = planTypeNamedIn(titleOf(doc.plan));
  if (fromTitle) return { type: fromTitle, source: 'title' };
  const fromFile = planTypeNamedIn(fileName(doc.uri).replace(/\.(md|markdown)$/i, ''));
  if (fromFile) return { type: fromFile, source: 'file name' };
  return { type: getPlanning().planTypes[0]!, source: 'default' };
}

/** True when a document names itself a plan: a known `plan:` type in its front matter, or a plan type in its title. */
export function namesItselfPlan(plan: PlanModel): boolean {
  return declaredPlanType(plan) !== undefined || planTypeNamedIn(titleOf(plan)) !== undefined;
}

/** The plan's type and edition, read from its main document (undefined: an empty plan, checked as a Joint Forward Plan). */
export function identifyPlan(main: Pick<DocumentAnalysis, 'uri' | 'plan'> | undefined, override?: EditionOverride): PlanIdentity {
  const { type, source: typeSource } = main ? planTypeOf(main) : { type: getPlanning().planTypes[0]!, source: 'default' as const };
  const horizon = main ? findHorizon(main) : undefined;
  const firstYear = horizon && 'found' in horizon ? horizon.found.range.firstYear : undefined;
  const fittingEdition = firstYear !== undefined ? editionForYear(firstYear) : undefined;
  const raw = main?.plan.frontMatter?.data.edition;
  const written = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : undefined;
  const declared = written ? editionById(written) : undefined;
  const unknownEdition = written && !declared ? written : undefined;
  const configured = override && override.edition !== 'auto' ? editionById(override.edition) : undefined;
  let edition: Edition;
  let editionSource: EditionSource;
  if (configured) [edition, editionSource] = [configured, override!.source];
  else if (declared) [edition, editionSource] = [declared, 'front matter'];
  else if (fittingEdition) [edition, editionSource] = [fittingEdition, 'period'];
  else [edition, editionSource] = [editionById(type.defaultEdition)!, 'plan type'];
  return { type, typeSource, edition, editionSource, fittingEdition, firstYear, ...(unknownEdition ? { unknownEdition } : {}) };
}

/** The plan type and edition as the reports give them (the CLI's JSON, SARIF, the coverage request). */
export type IdentityReport = PlanIdentityReport;

export function identityReport(identity: PlanIdentity): IdentityReport {
  const { type, edition } = identity;
  return {
    planType: { id: type.id, name: type.name, source: identity.typeSource },
    edition: { id: edition.id, title: edition.title, date: edition.date, confidence: edition.confidence, source: identity.editionSource },
  };
}

/** One line for reports: "Five-year strategic commissioning plan · 2026 edition (2026/27 round: ...)". */
export function identityLine(identity: PlanIdentity): string {
  return `${identity.type.name} · ${identity.edition.id} edition (${identity.edition.title})`;
}
