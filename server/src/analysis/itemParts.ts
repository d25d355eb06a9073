/**
 * The parts of a document that are evidence of one catalogue item, each with its verdict:
 * the sections mapped to the item (with their subsections), every other section that holds
 * one of its terms, and every chapter around such a section judged as a whole (see
 * itemStatus.ts for how the parts become the item's status).
 *
 * Built per block (blocks.ts: a top-level chapter; every part lies inside one) from the
 * evidence of each section on its own (sectionEvidence.ts), and remembered with the block's
 * key, which stays the same object while the block's text, hits, headings and mappings do. So
 * after an edit only the parts of the block it touched are built again; positions are read
 * from the current version. Within that block, a chapter's or a mapped section's evidence is
 * merged again only when one of the sections it is merged from, or its word and sentence
 * totals, changed (mergeRun in itemEvidence.ts).
 */
import { partitionPoint } from './text/partition.js';
import type { ItemTerms } from './data/catalogueIndex.js';
import { sectionFacts } from './evidence.js';
import { mergeRun, type PartEvidence } from './itemEvidence.js';
import type { Block, BlockKey, DocBlocks } from './blocks.js';
import type { OwnEvidence } from './sectionEvidence.js';
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

/** A part as a block remembers it: sections relative to the block's first, positions read from the current version. */
export interface RelPart {
  root: number;
  /** The section the evidence's best hit is placed relative to. */
  base: number;
  /** The part ends where its subsections do, else where its root's own text does. */
  tree: boolean;
  /** The section it ends before (relative; one past the block's last for its end): for comparing two versions of a block. */
  endBefore: number;
  how: Evidence['how'];
  evidence: PartEvidence;
  verdict: Verdict;
}

/** An item's parts in one block, in the three runs coverage.ts reads a document's parts in: mapped sections, sections, chapters. */
export interface BlockItemParts {
  mapped: RelPart[];
  terms: RelPart[];
  chapters: RelPart[];
}

const NONE: BlockItemParts = { mapped: [], terms: [], chapters: [] };

/** Each block key's parts per scoring and item (by catalogue place). */
const built = new WeakMap<BlockKey, Map<Readonly<Scoring>, Map<number, BlockItemParts>>>();

/** The item's parts in one block of a document, built once per version of the block (see blocks.ts). */
export function blockItemParts(doc: DocumentAnalysis, docBlocks: DocBlocks, b: number, terms: ItemTerms, slot: number, scoring: Readonly<Scoring>): BlockItemParts {
  const block = docBlocks.blocks[b]!;
  let byScoring = built.get(block.key);
  if (!byScoring) built.set(block.key, (byScoring = new Map()));
  let bySlot = byScoring.get(scoring);
  if (!bySlot) byScoring.set(scoring, (bySlot = new Map()));
  let parts = bySlot.get(slot);
  if (!parts) bySlot.set(slot, (parts = partsIn(doc, docBlocks.own, block, terms, slot, scoring)));
  return parts;
}

/** A part as coverage.ts reads it, placed in the current version of its document. */
export function placed(doc: DocumentAnalysis, block: Block, rel: RelPart): Part {
  const { sections } = doc.plan;
  const root = sections[block.first + rel.root]!;
  return { doc, root, end: rel.tree ? root.treeEnd : root.end, how: rel.how, evidence: rel.evidence, base: sections[block.first + rel.base]!.start, verdict: rel.verdict };
}

/** The item's parts in sections first..last of a document (a block: every part lies inside one). */
function partsIn(doc: DocumentAnalysis, own: OwnEvidence, block: Block, terms: ItemTerms, slot: number, scoring: Readonly<Scoring>): BlockItemParts {
  const { sections } = doc.plan;
  const { first, last: blockLast } = block;
  const id = terms.item.id;
  const { mappings, title } = itemsOf(doc);
  const withItem: number[] = [];
  const evidenceIn: PartEvidence[] = [];
  for (let i = first; i <= blockLast; i++) {
    const entry = own.entries[i]!;
    const k = entry.slots.indexOf(slot);
    if (k >= 0) {
      withItem.push(i);
      evidenceIn.push(entry.evidence[k]!);
    }
  }
  const toMap = (mappings.get(id) ?? []).filter((m) => first <= m.section && m.section <= blockLast);
  if (withItem.length === 0 && toMap.length === 0) return NONE;
  const parts: BlockItemParts = { mapped: [], terms: [], chapters: [] };
  const totals = chapterTotals(doc.plan);
  const rel = (root: number, base: number, tree: boolean, how: Evidence['how'], evidence: PartEvidence, verdict: Verdict): RelPart => ({
    root: root - first,
    base: base - first,
    tree,
    endBefore: (tree ? totals.last[root]! : root) + 1 - first,
    how,
    evidence,
    verdict,
  });
  const words = (from: number, to: number) => totals.words[to + 1]! - totals.words[from]!;
  const sentences = (from: number, to: number) => totals.sentences[to + 1]! - totals.sentences[from]!;

  // Sections mapped to the item: they say where it is discussed; their prose says how well.
  /** The runs of sections (first and last index) that mappings to the item cover. */
  const runs: [number, number][] = [];
  for (const m of toMap) {
    const root = sections[m.section]!;
    const last = totals.last[root.index]!;
    runs.push([root.index, last]);
    // The root's heading says where, not what: its evidence is read below the heading. Each subsection's is its own.
    const inside = [own.bodyOnly(root.index, terms)];
    const from = partitionPoint(withItem, (k) => k <= root.index);
    for (let k = from; k < withItem.length && withItem[k]! <= last; k++) inside.push(evidenceIn[k]!);
    const { evidence, best } = mergeRun(inside, 0, inside.length, words(root.index, last), sentences(root.index, last));
    const base = best <= 0 ? root.index : withItem[from + best - 1]!;
    parts.mapped.push(rel(root.index, base, root.depth !== 0, m.how, evidence, mappedVerdict(evidence, scoring)));
  }
  const mapped = merged(runs);
  const isMapped = (i: number) => mapped.some(([from, to]) => from <= i && i <= to);

  // Every other section with a term of the item on its own, and every chapter around one as a whole.
  const ownIndex: number[] = [];
  const ownEvidence: PartEvidence[] = [];
  let run = 0;
  for (let k = 0; k < withItem.length; k++) {
    const i = withItem[k]!;
    // The sections are in order: step through the runs alongside.
    while (run < mapped.length && mapped[run]![1] < i) run++;
    if (run < mapped.length && mapped[run]![0] <= i) continue;
    const evidence = evidenceIn[k]!;
    ownIndex.push(i);
    ownEvidence.push(evidence);
    // A section that does not even mention the item counts only towards its chapters.
    const verdict = termsVerdict(evidence, scoring);
    if (verdict) parts.terms.push(rel(i, i, false, 'terms', evidence, verdict));
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
    if (termsVerdict(evidence, scoring) === 'addressed') parts.chapters.push(rel(c, ownIndex[lo + best]!, true, 'terms', evidence, 'addressed'));
  }
  return parts;
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
