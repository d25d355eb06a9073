import { partitionPoint } from './text/partition.js';
import { isCounted, isStatutory } from './data/catalogue.js';
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { quoteAround, sectionFacts } from './evidence.js';
import { merge, partEvidence, type PartEvidence } from './itemEvidence.js';
import { ownEvidence, type OwnEvidence } from './sectionEvidence.js';
import type { DocumentAnalysis } from './model/document.js';
import { subtree, type PlanModel, type Section } from './model/plan.js';
import type { CoverageSummary, Evidence, ItemCoverage, PlanMode } from './types.js';

/**
 * The thresholds of the coverage rules (see docs/coverage.md). A part of the plan (a section,
 * or a chapter with its subsections) *mentions* an item when it holds one of its specific or
 * topic terms, `weakMinGeneric` distinct generic terms, or a sentence that names all the groups
 * of one of its `together` sets. It *addresses* the item when it also has substance: a score
 * of at least `strongMinScore` (each distinct specific term `specificWeight`, each distinct
 * topic or generic term and each key element found 1), terms of the item in at least
 * `strongMinSentences` sentences and in at least `strongMinShare` of its sentences (a
 * discussion of the item, not one list of words or scattered mentions), and at least
 * `strongMinWords` words of prose. A section mapped to the item (by a jfp comment or its heading) addresses it when its
 * prose holds evidence of the item and `mappedMinElements` key elements or `mappedMinWords` words.
 */
export interface Scoring {
  specificWeight: number;
  weakMinGeneric: number;
  strongMinScore: number;
  strongMinSentences: number;
  /** Share of the part's sentences that must hold a term of the item (its focus). */
  strongMinShare: number;
  strongMinWords: number;
  mappedMinElements: number;
  mappedMinWords: number;
}

export const SCORING: Readonly<Scoring> = {
  specificWeight: 2,
  weakMinGeneric: 2,
  strongMinScore: 6,
  strongMinSentences: 4,
  strongMinShare: 0.25,
  strongMinWords: 40,
  mappedMinElements: 2,
  mappedMinWords: 60,
};

export interface CoverageOptions {
  mode: PlanMode;
  /** Thresholds (default SCORING); the accuracy benchmark tries others, leave-one-ICB-out. */
  scoring?: Readonly<Scoring>;
}

export function mentions(e: PartEvidence, scoring: Readonly<Scoring> = SCORING): boolean {
  return e.specific.size > 0 || e.topic.size > 0 || e.generic.size >= scoring.weakMinGeneric || e.together;
}

export function evidenceScore(e: PartEvidence, scoring: Readonly<Scoring> = SCORING): number {
  return scoring.specificWeight * e.specific.size + e.topic.size + e.generic.size + e.elements.size;
}

/** Coverage of every catalogue item across all the documents of one plan. */
export function computeCoverage(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): ItemCoverage[] {
  const own = new Map(docs.map((d) => [d, ownEvidence(d, index)]));
  return index.catalogue.items.map((item) => itemCoverage(docs, index.items.get(item.id)!, options, own));
}

interface Part {
  doc: DocumentAnalysis;
  root: Section;
  end: number;
  how: Evidence['how'];
  evidence: PartEvidence;
  verdict: 'addressed' | 'partial' | 'started' | undefined;
}

function itemCoverage(docs: readonly DocumentAnalysis[], terms: ItemTerms, options: CoverageOptions, evidenceOf: ReadonlyMap<DocumentAnalysis, OwnEvidence>): ItemCoverage {
  const scoring = options.scoring ?? SCORING;
  const { item } = terms;
  const parts: Part[] = [];
  let waiver: ItemCoverage['waiver'];

  for (const doc of docs) {
    const { plan } = doc;
    for (const tag of plan.tags) {
      if (tag.kind === 'waive' && tag.ids[0]?.id === item.id) {
        waiver ??= { uri: doc.uri, line: plan.lines.positionAt(tag.start).line, reason: tag.reason };
      }
    }
    // Sections mapped to the item: they say where it is discussed; their prose says how well.
    const { bySection, sectionsOf } = evidenceOf.get(doc)!;
    const withItem = sectionsOf.get(item.id) ?? [];
    const totals = chapterTotals(plan);
    /** The runs of sections (first and last index) that mappings to the item cover. */
    const mappedRuns: [number, number][] = [];
    for (const m of doc.mappings) {
      if (m.itemId !== item.id) continue;
      const root = plan.sections[m.section]!;
      const last = totals.last[root.index]!;
      mappedRuns.push([root.index, last]);
      // The root's heading says where, not what: its evidence is read below the heading. Each subsection's is its own.
      const inside = [partEvidence(doc, [root], terms, root.index)];
      for (let k = partitionPoint(withItem, (k) => k < root.index + 1); k < withItem.length && withItem[k]! <= last; k++) inside.push(bySection[withItem[k]!]!.get(item.id)!);
      const evidence = merge(inside, totals.words[last + 1]! - totals.words[root.index]!, totals.sentences[last + 1]! - totals.sentences[root.index]!);
      parts.push({ doc, root, end: root.depth === 0 ? root.end : root.treeEnd, how: m.how, evidence, verdict: mappedVerdict(evidence, scoring) });
    }
    const mapped = (i: number) => mappedRuns.some(([first, last]) => first <= i && i <= last);
    // Every other section with a term of the item on its own, and every chapter around one as a whole.
    const own = new Map<number, PartEvidence>();
    for (const i of withItem) {
      if (mapped(i)) continue;
      const section = plan.sections[i]!;
      const evidence = bySection[i]!.get(item.id)!;
      own.set(section.index, evidence);
      parts.push({ doc, root: section, end: section.end, how: 'terms', evidence, verdict: termsVerdict(evidence, scoring) });
    }
    const title = plan.sections.find((s) => s.depth === 1);
    const chapters = new Set<number>();
    for (const i of own.keys()) {
      for (let p = plan.sections[i]!.parent; p !== undefined; p = plan.sections[p]!.parent) if (plan.sections[p] !== title) chapters.add(p);
    }
    const ownSections = [...own.keys()];
    for (const c of chapters) {
      // A chapter mapped as a whole was judged above; one that only holds a mapped section is judged here too.
      if (mapped(c)) continue;
      const last = totals.last[c]!;
      const inside: PartEvidence[] = [];
      for (let k = partitionPoint(ownSections, (k) => k < c); k < ownSections.length && ownSections[k]! <= last; k++) inside.push(own.get(ownSections[k]!)!);
      const whole = merge(inside, totals.words[last + 1]! - totals.words[c]!, totals.sentences[last + 1]! - totals.sentences[c]!);
      const root = plan.sections[c]!;
      if (termsVerdict(whole, scoring) === 'addressed') parts.push({ doc, root, end: root.treeEnd, how: 'terms', evidence: whole, verdict: 'addressed' });
    }
  }

  const strong = withoutNested(parts.filter((p) => p.verdict === 'addressed'));
  const weak = parts.filter((p) => p.verdict === 'partial' && !strong.some((s) => contains(s, p))).sort((a, b) => evidenceScore(b.evidence, scoring) - evidenceScore(a.evidence, scoring));
  const started = parts.filter((p) => p.verdict === 'started');
  let status: ItemCoverage['status'] = strong.length > 0 ? 'addressed' : weak.length > 0 ? 'partial' : 'missing';
  const shown = status === 'addressed' ? [...strong, ...weak.filter((p) => p.how !== 'terms')] : status === 'partial' ? weak : started;
  const found = new Set<number>();
  for (const p of [...strong, ...weak]) for (const i of p.evidence.elements) found.add(i);
  // A statutory duty or requirement cannot be waived: the waiver is shown, the status stays.
  const statutory = isStatutory(item);
  if (waiver && !statutory) status = 'waived';

  const missing = item.keyElements.filter((_, i) => !found.has(i)).map((e) => e.label);
  const counted = isCounted(item) && (item.modes === undefined || item.modes.includes(options.mode));
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    counted,
    status,
    evidence: shown.map((p) => toEvidence(p, terms)),
    elements: { covered: item.keyElements.length - missing.length, total: item.keyElements.length, missing },
    ...(status === 'missing' && started.length > 0 ? { started: true } : {}),
    ...(waiver ? { waiver: statutory ? { ...waiver, notMet: true } : waiver } : {}),
  };
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

/**
 * True when mapping a section (and its subsections) to the item would address it: the quick
 * fix "Map this section" is offered only then, so that a fix never turns an item green
 * without text that covers it.
 */
export function mappingWouldAddress(doc: DocumentAnalysis, section: number, terms: ItemTerms, scoring: Readonly<Scoring> = SCORING): boolean {
  const evidence = partEvidence(doc, subtree(doc.plan.sections, section), terms, section);
  return mappedVerdict(evidence, scoring) === 'addressed';
}

/** A mapped section: started (no content yet), partial, or addressed with substance. */
function mappedVerdict(e: PartEvidence, scoring: Readonly<Scoring>): Part['verdict'] {
  const evidence = mentions(e, scoring) || e.elements.size > 0;
  if (e.words === 0 || (!evidence && e.sentences <= 1)) return 'started';
  if (evidence && (e.elements.size >= scoring.mappedMinElements || e.words >= scoring.mappedMinWords)) return 'addressed';
  return 'partial';
}

function termsVerdict(e: PartEvidence, scoring: Readonly<Scoring>): Part['verdict'] {
  if (!mentions(e, scoring)) return undefined;
  const substance = evidenceScore(e, scoring) >= scoring.strongMinScore && e.sentencesWith >= scoring.strongMinSentences && e.sentencesWith >= scoring.strongMinShare * e.sentences && e.words >= scoring.strongMinWords;
  return substance ? 'addressed' : 'partial';
}

function contains(outer: Part, inner: Part): boolean {
  return outer !== inner && outer.doc === inner.doc && outer.root.start <= inner.root.start && inner.end <= outer.end;
}

function withoutNested(parts: Part[]): Part[] {
  return parts.filter((p) => !parts.some((q) => contains(q, p) && !(q.root.start === p.root.start && q.end === p.end && parts.indexOf(q) > parts.indexOf(p))));
}

function toEvidence(p: Part, terms: ItemTerms): Evidence {
  const { lines } = p.doc.plan;
  const e = p.evidence;
  const show = (keys: Iterable<string>) => [...keys].map((k) => terms.display.get(k) ?? k);
  // The range ends on the last line that has content, not on the next heading's line.
  const endLine = Math.max(lines.positionAt(p.root.start).line, lines.positionAt(Math.max(p.root.start, p.end - 1)).line);
  const best = e.best;
  return {
    uri: p.doc.uri,
    heading: p.root.heading,
    line: lines.positionAt(p.root.start).line,
    endLine,
    how: p.how,
    terms: [...new Set(show([...e.specific, ...e.topic, ...e.generic]))],
    strength: p.verdict === 'addressed' ? 'strong' : 'weak',
    ...(best ? { quote: quoteAround(p.doc.plan, best, [p.root.start, p.end]) } : {}),
  };
}

export function summarise(coverage: readonly ItemCoverage[]): CoverageSummary {
  const summary: CoverageSummary = { addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 };
  for (const c of coverage) {
    if (!c.counted) continue;
    summary[c.status]++;
    summary.total++;
  }
  return summary;
}

/** Share of counted items covered, as a whole percentage: addressed and waived count fully, partial half. */
export function coveragePercent(summary: CoverageSummary): number {
  if (summary.total === 0) return 100;
  return Math.round((100 * (summary.addressed + summary.waived + summary.partial / 2)) / summary.total);
}
