import type { Root } from 'mdast';
import type { CatalogueIndex } from '../data/catalogueIndex.js';
import { planTypeById } from '../data/planning.js';
import type { TermHit } from '../text/terms.js';
import { parsePlan, type PlanModel } from './plan.js';
import type { Steps } from '../steps.js';

/** Everything the analysis needs from one document, computed once per version. */
export interface DocumentAnalysis {
  uri: string;
  plan: PlanModel;
  /** Every catalogue term found in the prose, in order (keys: see text/stems.ts). */
  hits: TermHit[];
  /** For each section, ids of items its heading names (empty for the title and preamble); shared between versions, never changed. */
  headingItems: (readonly string[])[];
  /**
   * Sections mapped to catalogue items by a jfp comment or by their heading. A mapping
   * covers the section's subsections, so a subsection mapped to the same item as an
   * enclosing section is not listed again.
   */
  mappings: Mapping[];
}

export interface Mapping {
  section: number;
  itemId: string;
  how: 'tag' | 'heading';
}

/** Chooses the catalogue index a document is analysed against, from its plan model (see editionIndex in analyse.ts). */
export type IndexChooser = (doc: Pick<DocumentAnalysis, 'uri' | 'plan'>) => CatalogueIndex;

/** The index each document was analysed against. */
const analysedWith = new WeakMap<DocumentAnalysis, CatalogueIndex>();

/** The index a document was analysed against (undefined for one not made by analyseDocument). */
export function indexOf(doc: DocumentAnalysis): CatalogueIndex | undefined {
  return analysedWith.get(doc);
}

/**
 * `parse`: see parsePlan (an incremental parser for documents being edited). `index` may be
 * chosen from the parsed plan, so that a plan of another edition has its terms found once.
 */
export function analyseDocument(uri: string, text: string, index: CatalogueIndex | IndexChooser, parse?: (text: string) => Root): DocumentAnalysis {
  const plan = parsePlan(text, parse);
  return analysePlanModel(uri, plan, typeof index === 'function' ? index({ uri, plan }) : index);
}

/**
 * The same in steps, for the language server: the parse's (see IncrementalParser.parseSteps),
 * then the plan model, then its terms (those of a long text's unknown segments a few at a time). `parsed` is called as soon as the parse has finished,
 * before the next step: from then on, trees of earlier versions have moved.
 */
export function* analyseDocumentSteps(uri: string, text: string, index: CatalogueIndex | IndexChooser, parse: (text: string) => Steps<Root>, parsed: () => void): Steps<DocumentAnalysis> {
  const root = yield* parse(text);
  parsed();
  const plan = parsePlan(text, () => root);
  yield;
  const chosen = typeof index === 'function' ? index({ uri, plan }) : index;
  yield* chosen.bodyMatcher.prepare(text);
  return analysePlanModel(uri, plan, chosen);
}

/** The analysis of a parsed document against a catalogue index (the plan model is shared, never changed). */
export function analysePlanModel(uri: string, plan: PlanModel, index: CatalogueIndex): DocumentAnalysis {
  const hits = index.bodyMatcher.match(plan.text, plan.excluded);
  const titleIndex = plan.sections.find((s) => s.depth === 1)?.index;
  const headingItems = plan.sections.map((section) => (section.depth === 0 || section.index === titleIndex ? NONE : itemsNamedBy(section.heading, index)));
  const doc = { uri, plan, hits, headingItems, mappings: findMappings(plan, headingItems, index) };
  analysedWith.set(doc, index);
  return doc;
}

/**
 * Ids of the items a heading names, remembered by heading and index: headings rarely change
 * as an author types, and the heading text of an unchanged section is the same string from one
 * version to the next (see parsePlan), so an edit finds its sections' items without a scan.
 */
const NONE: readonly string[] = [];
const namedBy = new WeakMap<CatalogueIndex, Map<string, readonly string[]>>();
/** Bound for each index's headings remembered (only saves time: results never depend on it). */
const MAX_HEADINGS = 20_000;

function itemsNamedBy(heading: string, index: CatalogueIndex): readonly string[] {
  let known = namedBy.get(index);
  if (!known) namedBy.set(index, (known = new Map()));
  let ids = known.get(heading);
  if (!ids) {
    const found = new Set<string>();
    for (const hit of index.headingMatcher.match(heading)) {
      for (const id of index.headingPhrases.get(hit.key) ?? []) found.add(id);
    }
    if (known.size >= MAX_HEADINGS) known.clear();
    known.set(heading, (ids = [...found]));
  }
  return ids;
}

const termsBySection = new WeakMap<DocumentAnalysis, Map<string, number>[]>();

/** For each section, normalised term -> number of occurrences in its own blocks (computed when first asked, once per analysis). */
export function sectionTerms(doc: DocumentAnalysis): Map<string, number>[] {
  let terms = termsBySection.get(doc);
  if (terms) return terms;
  const { sections } = doc.plan;
  terms = sections.map(() => new Map<string, number>());
  // Hits are in order, so the section of each is found by walking on from the previous one's.
  let at = 0;
  for (const hit of doc.hits) {
    while (at + 1 < sections.length && sections[at + 1]!.start <= hit.start) at++;
    const counts = terms[at]!;
    counts.set(hit.key, (counts.get(hit.key) ?? 0) + 1);
  }
  termsBySection.set(doc, terms);
  return terms;
}

function findMappings(plan: PlanModel, headingItems: readonly (readonly string[])[], index: CatalogueIndex): Mapping[] {
  const bySection = new Map<number, Map<string, Mapping['how']>>();
  const add = (section: number, itemId: string, how: Mapping['how']) => {
    if (!index.catalogue.has(itemId)) return;
    const ids = bySection.get(section) ?? new Map<string, Mapping['how']>();
    if (!ids.has(itemId) || how === 'tag') ids.set(itemId, how);
    bySection.set(section, ids);
  };
  for (const tag of plan.tags) if (tag.kind === 'map') for (const t of tag.ids) add(tag.section, t.id, 'tag');
  headingItems.forEach((ids, section) => ids.forEach((id) => add(section, id, 'heading')));
  const mappings: Mapping[] = [];
  for (const [section, ids] of [...bySection].sort((a, b) => a[0] - b[0])) {
    for (const [itemId, how] of ids) {
      let ancestor = plan.sections[section]!.parent;
      let covered = false;
      while (ancestor !== undefined && !covered) {
        covered = bySection.get(ancestor)?.has(itemId) ?? false;
        ancestor = plan.sections[ancestor]!.parent;
      }
      if (!covered) mappings.push({ section, itemId, how });
    }
  }
  return mappings;
}

/** Ids of the items a section is mapped to (directly, not through an enclosing section). */
export function itemsMappedTo(doc: DocumentAnalysis, section: number): string[] {
  return doc.mappings.filter((m) => m.section === section).map((m) => m.itemId);
}

/** True when the front matter declares the document a plan: `plan: joint-forward-plan` or another plan type (schemas/planning.json). */
export function declaresPlan(plan: PlanModel): boolean {
  const value = plan.frontMatter?.data.plan;
  return typeof value === 'string' && planTypeById(value) !== undefined;
}
