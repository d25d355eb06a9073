/**
 * Checking plans one at a time: each group of files (see planGroups.ts) analysed as its own
 * plan, and a file that could belong to more than one plan checked on its own with the one
 * finding that says how to assign it. Pure; `checkPlanGroup` takes plain data, so that it can
 * run anywhere (the editor's workspace, jfp-check, a worker thread).
 */
import { analysePlan, type PlanAnalysis } from './analyse.js';
import type { IndexedCatalogue } from './data/catalogue.js';
import type { ConfigSource, JfpConfig } from './data/config.js';
import type { DocumentAnalysis } from './model/document.js';
import { groupPlans, planFileFacts, type ConfiguredPlan, type PlanFileFacts, type PlanGrouping, type UnassignedFile } from './planGroups.js';
import { analysisOptions } from './planOptions.js';
import type { UnassignedContext } from './types.js';

export interface CheckOptions {
  /** The document that carries plan-wide findings (default: the main document). */
  primary?: string;
  /** Where each configuration value came from. */
  sources?: Partial<Record<keyof JfpConfig, ConfigSource>>;
  /** Set for a file that could belong to more than one plan: it is checked alone, with no plan-wide findings. */
  unassigned?: UnassignedContext;
}

/** Checks one plan: its documents, with the configuration. */
export function checkPlanGroup(documents: readonly DocumentAnalysis[], catalogue: IndexedCatalogue, config: JfpConfig, options: CheckOptions = {}): PlanAnalysis {
  const base = analysisOptions(config, options.primary, options.sources);
  if (!options.unassigned) return analysePlan(documents, catalogue, base);
  // No document is primary (''), so no plan-wide finding is made for what is not a plan.
  return analysePlan(documents, catalogue, { ...base, primary: '', ruleOptions: { ...base.ruleOptions, unassigned: options.unassigned } });
}

/** The plans of .jfp.json "plans" (or the jfp.plans setting), relative to `base` (a folder URI). */
export function configuredPlans(config: Pick<JfpConfig, 'plans'>, base: string | undefined): ConfiguredPlan[] {
  return base === undefined ? [] : config.plans.map((p) => ({ base, main: p.main, ...(p.files ? { files: p.files } : {}) }));
}

/** What an unassigned file's finding says about the plans it could belong to. */
export function unassignedContext(file: UnassignedFile, facts: (uri: string) => PlanFileFacts | undefined): UnassignedContext {
  return { reason: file.reason, candidates: file.candidates.map((uri) => ({ uri, title: facts(uri)?.title ?? uri.split('/').pop() ?? uri })) };
}

/** Which plan an analysis is: its title and main document (else its primary document, else its first). */
export function planLabel(plan: PlanAnalysis): { title: string; main: string | undefined } {
  const grouped = groupPlans(plan.documents.map(planFileFacts)).plans;
  const mainUri = grouped.length === 1 ? grouped[0]!.main : undefined;
  const main = plan.documents.find((d) => d.uri === (mainUri ?? plan.primary)) ?? plan.documents[0];
  return { title: (main && planFileFacts(main).title) || plan.identity.type.name, main: main?.uri };
}

/** True for the analysis of a file that two plans could claim (checked alone, counted in no plan). */
export function isUnassigned(plan: PlanAnalysis): boolean {
  return plan.inputs?.options.ruleOptions?.unassigned !== undefined;
}

export interface PlanSet {
  grouping: PlanGrouping;
  /** One analysis per plan, in the grouping's order. */
  plans: PlanAnalysis[];
  /** One analysis per unassigned file (no coverage counted for anyone; its finding says how to assign it). */
  unassigned: PlanAnalysis[];
}

/**
 * One plan to check, as plain data (it can be posted to a worker thread): the URIs of its
 * documents, and the options of `checkPlanGroup` (the main document as primary, or the plans an
 * unassigned file could belong to).
 */
export interface PlanJob {
  uris: string[];
  options: Pick<CheckOptions, 'primary' | 'unassigned'>;
}

/** The plans of a set of documents, grouped, as jobs: the plans first, in the grouping's order, then the unassigned files. */
export function planJobs(documents: readonly Pick<DocumentAnalysis, 'uri' | 'plan'>[], configured: readonly ConfiguredPlan[] = []): PlanJobs {
  return planJobsOfFacts(documents.map(planFileFacts), configured);
}

export interface PlanJobs {
  grouping: PlanGrouping;
  plans: PlanJob[];
  unassigned: PlanJob[];
}

/** The same from the files' facts alone (jfp-check gets them from its worker threads). */
export function planJobsOfFacts(files: readonly PlanFileFacts[], configured: readonly ConfiguredPlan[] = []): PlanJobs {
  const facts = new Map(files.map((f) => [f.uri, f]));
  const grouping = groupPlans([...facts.values()], configured);
  return {
    grouping,
    plans: grouping.plans.map((g) => ({ uris: g.files, options: g.main ? { primary: g.main } : {} })),
    unassigned: grouping.unassigned.map((u) => ({ uris: [u.uri], options: { unassigned: unassignedContext(u, (uri) => facts.get(uri)) } })),
  };
}

/** Groups analysed documents into plans and checks each, one job after the other (jfp-check). */
export function analysePlanSet(documents: readonly DocumentAnalysis[], catalogue: IndexedCatalogue, config: JfpConfig, configured: readonly ConfiguredPlan[] = []): PlanSet {
  const { grouping, plans, unassigned } = planJobs(documents, configured);
  const byUri = new Map(documents.map((d) => [d.uri, d]));
  const check = (job: PlanJob) => checkPlanGroup(job.uris.flatMap((u) => byUri.get(u) ?? []), catalogue, config, job.options);
  return { grouping, plans: plans.map(check), unassigned: unassigned.map(check) };
}
