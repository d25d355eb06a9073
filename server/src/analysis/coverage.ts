import { partitionPoint } from './text/partition.js';
import { finish, type Steps } from './steps.js';
import { isCounted, isStatutory } from './data/catalogue.js';
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { endQuotes, quoteRemembered } from './evidence.js';
import { endMerges, partEvidence, type PartEvidence } from './itemEvidence.js';
import { partsOf, waiverIn, type Part } from './itemParts.js';
import { evidenceScore, mappedVerdict, SCORING, type Scoring } from './scoring.js';
import type { DocumentAnalysis } from './model/document.js';
import { subtree } from './model/plan.js';
import type { CoverageSummary, Evidence, ItemCoverage, PlanMode } from './types.js';

export { evidenceScore, mentions, SCORING, type Scoring } from './scoring.js';

export interface CoverageOptions {
  mode: PlanMode;
  /** Thresholds (default SCORING); the accuracy benchmark tries others, leave-one-ICB-out. */
  scoring?: Readonly<Scoring>;
}

/** Coverage of every catalogue item across all the documents of one plan. */
export function computeCoverage(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): ItemCoverage[] {
  return finish(coverageSteps(docs, index, options));
}

/** The same, pausing after each item (so that the language server can answer requests between items). */
export function* coverageSteps(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): Steps<ItemCoverage[]> {
  const order = new Map(docs.map((d, i) => [d, i]));
  const coverage: ItemCoverage[] = [];
  for (const item of index.catalogue.items) {
    coverage.push(itemCoverage(docs, index, index.items.get(item.id)!, options, order));
    yield;
  }
  endQuotes();
  endMerges();
  return coverage;
}

function itemCoverage(docs: readonly DocumentAnalysis[], index: CatalogueIndex, terms: ItemTerms, options: CoverageOptions, order: ReadonlyMap<DocumentAnalysis, number>): ItemCoverage {
  const scoring = options.scoring ?? SCORING;
  const { item } = terms;
  let waiver: ItemCoverage['waiver'];
  for (const doc of docs) waiver ??= waiverIn(doc, item.id);
  const parts = docs.length === 1 ? partsOf(docs[0]!, index, terms, scoring) : docs.flatMap((doc) => partsOf(doc, index, terms, scoring));

  const strong = withoutNested(
    parts.filter((p) => p.verdict === 'addressed'),
    order,
  );
  const inStrong = insideOneOf(strong, order);
  // In order of their score, highest first, where that order is shown.
  const weak = parts.filter((p) => p.verdict === 'partial' && !inStrong(p));
  const started = parts.filter((p) => p.verdict === 'started');
  let status: ItemCoverage['status'] = strong.length > 0 ? 'addressed' : weak.length > 0 ? 'partial' : 'missing';
  const shown = status === 'addressed' ? [...strong, ...byScore(weak.filter((p) => p.how !== 'terms'), scoring)] : status === 'partial' ? byScore(weak, scoring) : started;
  const found = new Set<number>();
  for (const p of [...strong, ...weak]) {
    if (found.size === item.keyElements.length) break;
    for (const i of p.evidence.elements) found.add(i);
  }
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

/**
 * True when mapping a section (and its subsections) to the item would address it: the quick
 * fix "Map this section" is offered only then, so that a fix never turns an item green
 * without text that covers it.
 */
export function mappingWouldAddress(doc: DocumentAnalysis, section: number, terms: ItemTerms, scoring: Readonly<Scoring> = SCORING): boolean {
  const evidence = partEvidence(doc, subtree(doc.plan.sections, section), terms, section);
  return mappedVerdict(evidence, scoring) === 'addressed';
}

/** The parts by their evidence's score, highest first (in their order when equal); each score read once. */
function byScore(parts: readonly Part[], scoring: Readonly<Scoring>): Part[] {
  const scores = parts.map((p) => evidenceScore(p.evidence, scoring));
  return parts
    .map((_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .map((i) => parts[i]!);
}

/** Parts in document order, then by start, the longer first, then in their order: a part is inside one before it. */
function byPlace(parts: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): number[] {
  return parts.map((_, i) => i).sort((a, b) => order.get(parts[a]!.doc)! - order.get(parts[b]!.doc)! || parts[a]!.root.start - parts[b]!.root.start || parts[b]!.end - parts[a]!.end || a - b);
}

/**
 * The parts not inside another (of two with the same range, the first is kept): one sweep in
 * the order of byPlace, where a part is inside another exactly when one before it ends at or
 * after its end.
 */
export function withoutNested(parts: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): Part[] {
  const nested = new Uint8Array(parts.length);
  let doc: DocumentAnalysis | undefined;
  let end = -Infinity;
  for (const i of byPlace(parts, order)) {
    const p = parts[i]!;
    if (p.doc !== doc) [doc, end] = [p.doc, -Infinity];
    if (end >= p.end) nested[i] = 1;
    end = Math.max(end, p.end);
  }
  return parts.filter((_, i) => nested[i] === 0);
}

/** A test for "this part lies inside one of `outer`", by a binary search in them sorted with the furthest end so far. */
export function insideOneOf(outer: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): (p: Part) => boolean {
  const sorted = byPlace(outer, order).map((i) => outer[i]!);
  const reach: number[] = [];
  sorted.forEach((p, k) => reach.push(k > 0 && sorted[k - 1]!.doc === p.doc ? Math.max(reach[k - 1]!, p.end) : p.end));
  return (p) => {
    const at = order.get(p.doc)!;
    const k = partitionPoint(sorted, (o) => order.get(o.doc)! < at || (order.get(o.doc) === at && o.root.start <= p.root.start)) - 1;
    return k >= 0 && sorted[k]!.doc === p.doc && reach[k]! >= p.end;
  };
}

/** The terms an evidence shows, as the catalogue writes them (by evidence object: an unchanged section's are not listed again). */
const shownTerms = new WeakMap<PartEvidence, string[]>();

function toEvidence(p: Part, terms: ItemTerms): Evidence {
  const { lines } = p.doc.plan;
  const e = p.evidence;
  let shown = shownTerms.get(e);
  if (!shown) {
    shown = [...new Set([...e.specific, ...e.topic, ...e.generic].map((k) => terms.display.get(k) ?? k))];
    shownTerms.set(e, shown);
  }
  // The range ends on the last line that has content, not on the next heading's line.
  const line = lines.positionAt(p.root.start).line;
  const endLine = Math.max(line, lines.positionAt(Math.max(p.root.start, p.end - 1)).line);
  const best = e.best && { key: e.best.key, start: e.best.start + p.base, end: e.best.end + p.base };
  return {
    uri: p.doc.uri,
    heading: p.root.heading,
    line,
    endLine,
    how: p.how,
    terms: [...shown],
    strength: p.verdict === 'addressed' ? 'strong' : 'weak',
    ...(best ? { quote: quoteRemembered(p.doc.plan, best, [p.root.start, p.end]) } : {}),
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
