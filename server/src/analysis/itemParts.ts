/**
 * The parts of a document that are evidence of one catalogue item, each with its verdict:
 * the sections mapped to the item (with their subsections), every other section that holds
 * one of its terms, and every chapter around such a section judged as a whole (see
 * coverage.ts for how the parts become the item's status).
 *
 * Built per analysis from the evidence of each section on its own (sectionEvidence.ts), whose
 * objects stay the same while a section's text does: a chapter's or a mapped section's
 * evidence is merged again only when one of the sections it is merged from, or its word and
 * sentence totals, changed (mergeRun in itemEvidence.ts), and positions are read from the
 * current version. So after an edit the cost is a walk over the item's sections plus the
 * merges the edit invalidated.
 */
import { partitionPoint } from './text/partition.js';
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { sectionFacts } from './evidence.js';
import { mergeRun, type PartEvidence } from './itemEvidence.js';
import { ownEvidence, type OwnEvidence } from './sectionEvidence.js';
import { mappedVerdict, termsVerdict, type Scoring, type Verdict } from './scoring.js';
import type { DocumentAnalysis, Mapping } from './model/document.js';
import type { PlanModel, Section } from './model/plan.js';
import type { Evidence, ItemCoverage } from './types.js';

export interface Part {
  doc: DocumentAnalysis;
  root: Section;
  end: number;
  how: Evidence['how'];
  evidence: PartEvidence;
  /** The start of the section the evidence's best hit is placed relative to. */
  base: number;
  verdict: Verdict;
}

interface DocItems {
  /** Item id -> the first jfp-waive comment for it. */
  waivers: Map<string, NonNullable<ItemCoverage['waiver']>>;
  /** Item id -> the mappings to it, in order. */
  mappings: Map<string, Mapping[]>;
  title: Section | undefined;
}

const docItems = new WeakMap<DocumentAnalysis, DocItems>();

/** A document's waivers and mappings by item, found once per version. */
function itemsOf(doc: DocumentAnalysis): DocItems {
  let known = docItems.get(doc);
  if (known) return known;
  const { plan } = doc;
  known = { waivers: new Map(), mappings: new Map(), title: plan.sections.find((s) => s.depth === 1) };
  for (const tag of plan.tags) {
    const id = tag.kind === 'waive' ? tag.ids[0]?.id : undefined;
    if (id !== undefined && !known.waivers.has(id)) known.waivers.set(id, { uri: doc.uri, line: plan.lines.positionAt(tag.start).line, reason: tag.reason });
  }
  for (const m of doc.mappings) {
    const list = known.mappings.get(m.itemId);
    if (list) list.push(m);
    else known.mappings.set(m.itemId, [m]);
  }
  docItems.set(doc, known);
  return known;
}

/** The first jfp-waive comment in the document for the item. */
export function waiverIn(doc: DocumentAnalysis, id: string): ItemCoverage['waiver'] {
  return itemsOf(doc).waivers.get(id);
}

/** A document's parts per item, for the index and scoring they were built with. */
const remembered = new WeakMap<DocumentAnalysis, { index: CatalogueIndex; scoring: Readonly<Scoring>; byItem: Map<string, readonly Part[]> }>();

/**
 * The parts of one document that are evidence of the item, in the order coverage.ts reads
 * them; remembered with the document version, so that when one document of a plan of several
 * changes, the others' parts are not built again.
 */
export function partsOf(doc: DocumentAnalysis, index: CatalogueIndex, terms: ItemTerms, scoring: Readonly<Scoring>): readonly Part[] {
  let known = remembered.get(doc);
  if (known?.index !== index || known.scoring !== scoring) remembered.set(doc, (known = { index, scoring, byItem: new Map() }));
  let parts = known.byItem.get(terms.item.id);
  if (!parts) {
    const built: Part[] = [];
    itemParts(doc, ownEvidence(doc, index), terms, scoring, built);
    known.byItem.set(terms.item.id, (parts = built));
  }
  return parts;
}

/** Appends the parts of one document that are evidence of the item, in the order coverage.ts reads them. */
function itemParts(doc: DocumentAnalysis, own: OwnEvidence, terms: ItemTerms, scoring: Readonly<Scoring>, parts: Part[]): void {
  const { sections } = doc.plan;
  const id = terms.item.id;
  const { mappings, title } = itemsOf(doc);
  const withItem = own.sectionsOf.get(id) ?? [];
  const evidenceIn = own.evidenceOf.get(id) ?? [];
  const totals = chapterTotals(doc.plan);
  const words = (first: number, last: number) => totals.words[last + 1]! - totals.words[first]!;
  const sentences = (first: number, last: number) => totals.sentences[last + 1]! - totals.sentences[first]!;

  // Sections mapped to the item: they say where it is discussed; their prose says how well.
  /** The runs of sections (first and last index) that mappings to the item cover. */
  const runs: [number, number][] = [];
  for (const m of mappings.get(id) ?? []) {
    const root = sections[m.section]!;
    const last = totals.last[root.index]!;
    runs.push([root.index, last]);
    // The root's heading says where, not what: its evidence is read below the heading. Each subsection's is its own.
    const inside = [own.bodyOnly(root.index, terms)];
    const from = partitionPoint(withItem, (k) => k <= root.index);
    for (let k = from; k < withItem.length && withItem[k]! <= last; k++) inside.push(evidenceIn[k]!);
    const { evidence, best } = mergeRun(inside, 0, inside.length, words(root.index, last), sentences(root.index, last));
    const base = best <= 0 ? root.start : sections[withItem[from + best - 1]!]!.start;
    parts.push({ doc, root, end: root.depth === 0 ? root.end : root.treeEnd, how: m.how, evidence, base, verdict: mappedVerdict(evidence, scoring) });
  }
  const mapped = merged(runs);
  const isMapped = (i: number) => mapped.some(([first, last]) => first <= i && i <= last);

  // Every other section with a term of the item on its own, and every chapter around one as a whole.
  const ownIndex: number[] = [];
  const ownEvidence: PartEvidence[] = [];
  let run = 0;
  for (let k = 0; k < withItem.length; k++) {
    const i = withItem[k]!;
    // The sections are in order: step through the runs alongside.
    while (run < mapped.length && mapped[run]![1] < i) run++;
    if (run < mapped.length && mapped[run]![0] <= i) continue;
    const section = sections[i]!;
    const evidence = evidenceIn[k]!;
    ownIndex.push(i);
    ownEvidence.push(evidence);
    // A section that does not even mention the item counts only towards its chapters.
    const verdict = termsVerdict(evidence, scoring);
    if (verdict) parts.push({ doc, root: section, end: section.end, how: 'terms', evidence, base: section.start, verdict });
  }
  const chapters: number[] = [];
  const seen = marks(doc);
  for (const i of ownIndex) {
    // Walking up from a section, a chapter seen before has had its own chapters added already.
    for (let p = sections[i]!.parent; p !== undefined && seen[p] !== seen.mark; p = sections[p]!.parent) {
      if (sections[p] === title) continue;
      seen[p] = seen.mark;
      chapters.push(p);
    }
  }
  for (const c of chapters) {
    // A chapter mapped as a whole was judged above; one that only holds a mapped section is judged here too.
    if (isMapped(c)) continue;
    const last = totals.last[c]!;
    const lo = firstAtLeast(ownIndex, c);
    const hi = firstAtLeast(ownIndex, last + 1);
    const { evidence, best } = mergeRun(ownEvidence, lo, hi, words(c, last), sentences(c, last));
    const root = sections[c]!;
    if (termsVerdict(evidence, scoring) === 'addressed') parts.push({ doc, root, end: root.treeEnd, how: 'terms', evidence, base: sections[ownIndex[lo + best]!]!.start, verdict: 'addressed' });
  }
}

/** The index of the first number at least `x` in a sorted list (its length if none). */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One mark per section of a document, set by one item's walk: a new mark per walk, so the array is cleared only when it wraps. */
type Marks = Int32Array & { mark: number };
const scratch = new WeakMap<DocumentAnalysis, Marks>();
function marks(doc: DocumentAnalysis): Marks {
  let m = scratch.get(doc);
  if (!m) scratch.set(doc, (m = Object.assign(new Int32Array(doc.plan.sections.length), { mark: 0 })));
  if (++m.mark === 0x7fffffff) {
    m.fill(0);
    m.mark = 1;
  }
  return m;
}

/** Runs of section indices merged where they overlap or touch, in order. */
function merged(runs: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [first, last] of [...runs].sort((a, b) => a[0] - b[0])) {
    const top = out[out.length - 1];
    if (top && first <= top[1] + 1) top[1] = Math.max(top[1], last);
    else out.push([first, last]);
  }
  return out;
}

interface ChapterTotals {
  /** Index of the last section of each section's subtree. */
  last: number[];
  /** Words and sentences of the sections before each index (prefix sums, one more than the sections). */
  words: number[];
  sentences: number[];
}

const totalsCache = new WeakMap<PlanModel, ChapterTotals>();

/** What coverage needs to judge a chapter as a whole in constant time, computed once per plan model. */
function chapterTotals(plan: PlanModel): ChapterTotals {
  let totals = totalsCache.get(plan);
  if (totals) return totals;
  const facts = sectionFacts(plan);
  const { sections } = plan;
  totals = { last: sections.map((s) => s.index), words: [0], sentences: [0] };
  for (const s of sections) {
    totals.words.push(totals.words[s.index]! + facts[s.index]!.words);
    totals.sentences.push(totals.sentences[s.index]! + facts[s.index]!.sentences);
  }
  // Sections are in order, so a subtree is a run of sections: the one at `index` and those after it that start before its tree ends.
  const open: Section[] = [];
  for (const s of sections) {
    if (s.depth === 0) continue;
    while (open.length > 0 && s.start >= open[open.length - 1]!.treeEnd) open.pop();
    for (const o of open) totals.last[o.index] = s.index;
    open.push(s);
  }
  totalsCache.set(plan, totals);
  return totals;
}
