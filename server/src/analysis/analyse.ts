import { getDefaultCatalogue, type IndexedCatalogue } from './data/catalogue.js';
import { indexCatalogue, type CatalogueIndex } from './data/catalogueIndex.js';
import { coveragePercent, coverageSteps, summarise } from './coverage.js';
import { done, finish, settle, type Steps } from './steps.js';
import { analyseDocument, analysePlanModel, declaresPlan, indexOf, type DocumentAnalysis, type IndexChooser } from './model/document.js';
import { catalogueForEdition } from './data/editions.js';
import { organisationsOn, type DatedOrganisations } from './data/organisations.js';
import { identifyPlan, type EditionOverride, type PlanIdentity } from './planIdentity.js';
import { RULE_CODES, ruleSteps } from './rules/index.js';
import { presentFindings } from './present/index.js';
import { DEFAULT_RULE_OPTIONS, type CoverageSummary, type Finding, type ItemCoverage, type Level, type PlanMode, type RuleOptions } from './types.js';

export interface AnalysisOptions {
  /** 'full' (default) or 'summary'; a plan's front matter `mode:` takes precedence. */
  mode?: PlanMode;
  /** Level per diagnostic code; 'off' silences a code. */
  levels?: Readonly<Record<string, Level>>;
  /** The document that carries plan-wide findings; default: see choosePrimary. */
  primary?: string;
  /** What rules read besides their level (boards, readability thresholds, today's date). */
  ruleOptions?: Partial<RuleOptions>;
  /** The edition chosen by the configuration (setting or .jfp.json); 'auto' or absent: chosen from the plan. */
  edition?: EditionOverride;
  /** Dated partner trusts and Health and Wellbeing Boards (.jfp.json "organisations"): the entry in force when the plan starts applies. */
  organisations?: readonly DatedOrganisations[];
}

export interface PlanAnalysis {
  /** The index of the catalogue of the plan's edition. */
  index: CatalogueIndex;
  /** The plan's type and the catalogue edition it is checked against, and where each was read. */
  identity: PlanIdentity;
  documents: readonly DocumentAnalysis[];
  primary: string | undefined;
  mode: PlanMode;
  coverage: ItemCoverage[];
  byId: ReadonlyMap<string, ItemCoverage>;
  summary: CoverageSummary;
  percent: number;
  /** The rules' findings per document URI, computed when first asked for (see FindingsByDocument). */
  findings: FindingsByDocument;
  /** The findings as shown to people: plan-level ones summed up on the title, repeats grouped (see present/). */
  presented: FindingsByDocument;
  /** `presented` without the slower authoring, process and style rules: what the editor shows first on opening a long plan. */
  first: FindingsByDocument;
  /**
   * Computes the coverage (which every field above reads when first asked for) step by step,
   * awaiting `between()` after each item; false as soon as it answers false (what is done is
   * kept: reading `coverage` later finishes it). For the language server, which answers
   * requests between the steps.
   */
  settleCoverage?(between: () => Promise<boolean>): Promise<boolean>;
  /** What the plan was analysed with, so a changed text can be analysed the same way (see fixAll.ts). */
  inputs?: { catalogue: IndexedCatalogue; options: AnalysisOptions };
}

/**
 * The plan's main document: one that declares itself a plan in front matter and has a
 * level-1 title, else one with a title, else the first; ties go to the first URI in order.
 */
export function mainDocument<T extends DocumentAnalysis>(docs: readonly T[]): T | undefined {
  const sorted = [...docs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const hasTitle = (d: DocumentAnalysis) => d.plan.sections.some((s) => s.depth === 1);
  return sorted.find((d) => declaresPlan(d.plan) && hasTitle(d)) ?? sorted.find(hasTitle) ?? sorted[0];
}

export function choosePrimary(docs: readonly DocumentAnalysis[]): string | undefined {
  return mainDocument(docs)?.uri;
}

/** The rules left out of PlanAnalysis.first: authoring, process and style (most of a long plan's rule time). */
const LATER_RULES = /^jfp\.(acronym|term|process|style)\./;

function modeOf(primary: DocumentAnalysis | undefined, fallback: PlanMode): PlanMode {
  const value = primary?.plan.frontMatter?.data.mode;
  return value === 'summary' || value === 'full' ? value : fallback;
}

/**
 * The rules' findings for each document of a plan, run the first time a document's findings
 * are asked for. The editor publishes only open documents, so the rules never run on the
 * plan's other files while the author types; the CLI asks for every file. The work is a
 * generator that pauses between rules: `settle` lets the language server answer requests
 * between two rules, `get` runs it to the end.
 */
export class FindingsByDocument {
  private readonly done = new Map<string, Finding[]>();

  constructor(
    private readonly docs: readonly DocumentAnalysis[],
    private readonly run: (doc: DocumentAnalysis) => Steps<Finding[]>,
  ) {}

  get(uri: string): Finding[] | undefined {
    const steps = this.steps(uri);
    return steps && finish(steps);
  }

  /**
   * Computes a document's findings, awaiting `between()` after each step; stops (keeping
   * nothing) as soon as it answers false. True when the findings are ready (or the document
   * is not in the plan).
   */
  async settle(uri: string, between: () => Promise<boolean>): Promise<boolean> {
    const steps = this.steps(uri);
    return !steps || settle(steps, between);
  }

  /** The steps computing a document's findings (none left when they are known); undefined for a document not in the plan. */
  steps(uri: string): Steps<Finding[]> | undefined {
    const known = this.done.get(uri);
    if (known) return done(known);
    const doc = this.docs.find((d) => d.uri === uri);
    return doc && this.computing(uri, doc);
  }

  private *computing(uri: string, doc: DocumentAnalysis): Steps<Finding[]> {
    const findings = yield* this.run(doc);
    this.done.set(uri, findings);
    return findings;
  }
}

interface Computed {
  coverage: ItemCoverage[];
  byId: ReadonlyMap<string, ItemCoverage>;
  summary: CoverageSummary;
  percent: number;
}

/** A plan's coverage, computed when first read, or step by step by `settle` (a later read finishes what a stopped one left). */
class LazyCoverage {
  private value: Computed | undefined;
  private readonly steps: Steps<Computed>;

  constructor(items: Steps<ItemCoverage[]>) {
    this.steps = this.computing(items);
  }

  get(): Computed {
    return this.value ?? finish(this.steps);
  }

  async settle(between: () => Promise<boolean>): Promise<boolean> {
    return this.value !== undefined || settle(this.steps, between);
  }

  private *computing(items: Steps<ItemCoverage[]>): Steps<Computed> {
    const coverage = yield* items;
    const summary = summarise(coverage);
    this.value = { coverage, byId: new Map(coverage.map((c) => [c.id, c])), summary, percent: coveragePercent(summary) };
    return this.value;
  }
}

/** Coverage and findings for a plan made of one or more analysed documents. */
export function analysePlan(given: readonly DocumentAnalysis[], catalogue: IndexedCatalogue = getDefaultCatalogue(), options: AnalysisOptions = {}): PlanAnalysis {
  const identity = identifyPlan(mainDocument(given), options.edition);
  const editionCatalogue = catalogueForEdition(catalogue, identity.edition.id);
  const index = indexCatalogue(editionCatalogue);
  // A document analysed against another index (by default `catalogue`'s) has its terms found again.
  const base = indexCatalogue(catalogue);
  const docs = given.map((d) => ((indexOf(d) ?? base) === index ? d : withIndex(d, index)));
  const primary = options.primary ?? choosePrimary(docs);
  const mode = modeOf(
    docs.find((d) => d.uri === primary),
    options.mode ?? 'full',
  );
  const lazy = new LazyCoverage(coverageSteps(docs, index, { mode }));
  const ruleOptions: RuleOptions = { ...DEFAULT_RULE_OPTIONS, now: new Date(), ...options.ruleOptions };
  const dated = options.organisations && organisationsOn(options.organisations, planStartDate(identity.firstYear, ruleOptions.now));
  if (dated?.healthAndWellbeingBoards) ruleOptions.healthAndWellbeingBoards = dated.healthAndWellbeingBoards;
  if (dated?.partnerTrusts) ruleOptions.partnerTrusts = dated.partnerTrusts;
  const context = (doc: DocumentAnalysis) => ({ doc, documents: docs, index, coverage: lazy.get().byId, isPrimary: doc.uri === primary, mode, options: ruleOptions, identity });
  // Each document's findings per rule: the quick first result of a long plan and the full one share the rules they both run.
  const memos = new Map<string, Map<string, readonly Finding[]>>();
  const memo = (uri: string) => memos.get(uri) ?? memos.set(uri, new Map()).get(uri)!;
  const levels = options.levels ?? {};
  const findings = new FindingsByDocument(docs, (doc) => ruleSteps(context(doc), levels, memo(doc.uri)));
  const present = (doc: DocumentAnalysis, raw: readonly Finding[]) => presentFindings(raw, { doc, isPrimary: doc.uri === primary, coverage: lazy.get().coverage, levels });
  const presented = new FindingsByDocument(docs, function* (doc) {
    return present(doc, (yield* findings.steps(doc.uri) ?? done([])) as Finding[]);
  });
  const firstLevels: Record<string, Level> = { ...levels };
  for (const code of RULE_CODES) if (LATER_RULES.test(code)) firstLevels[code] = 'off';
  const first = new FindingsByDocument(docs, function* (doc) {
    return present(doc, yield* ruleSteps(context(doc), firstLevels, memo(doc.uri)));
  });
  return {
    index,
    identity,
    documents: docs,
    primary,
    mode,
    get coverage() {
      return lazy.get().coverage;
    },
    get byId() {
      return lazy.get().byId;
    },
    get summary() {
      return lazy.get().summary;
    },
    get percent() {
      return lazy.get().percent;
    },
    settleCoverage: (between) => lazy.settle(between),
    findings,
    presented,
    first,
    inputs: { catalogue, options },
  };
}

/**
 * Chooses the index of the catalogue edition a document would be checked against as a plan of
 * its own, so that analysePlan need not find its terms again (it still does when the plan's
 * main document is another one whose edition differs).
 */
export function editionIndex(catalogue: IndexedCatalogue, override?: EditionOverride): IndexChooser {
  return (doc) => indexCatalogue(catalogueForEdition(catalogue, identifyPlan(doc, override).edition.id));
}

/** Analyses one text as a whole plan: the convenience used by tests and simple callers. */
export function analyseText(uri: string, text: string, catalogue: IndexedCatalogue = getDefaultCatalogue(), options: AnalysisOptions = {}): PlanAnalysis {
  return analysePlan([analyseDocument(uri, text, editionIndex(catalogue, options.edition))], catalogue, options);
}

/** The day a plan starts: 1 April of its first year, or today (YYYY-MM-DD) when its period is not known. */
function planStartDate(firstYear: number | undefined, now: Date): string {
  if (firstYear !== undefined) return `${firstYear}-04-01`;
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const reindexed = new WeakMap<DocumentAnalysis, { index: CatalogueIndex; analysis: DocumentAnalysis }>();

/** A document's analysis against another catalogue index, reusing its parse; remembered per document version. */
function withIndex(doc: DocumentAnalysis, index: CatalogueIndex): DocumentAnalysis {
  const known = reindexed.get(doc);
  if (known?.index === index) return known.analysis;
  const analysis = analysePlanModel(doc.uri, doc.plan, index);
  reindexed.set(doc, { index, analysis });
  return analysis;
}

export { analyseDocument };
