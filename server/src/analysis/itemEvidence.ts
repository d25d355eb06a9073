/**
 * The evidence of one catalogue item in a part of a plan (a section, a chapter, a mapped
 * section): which of its terms appear, in how many sentences, and the best one to quote.
 * See coverage.ts for how the evidence becomes a status.
 */
import { partitionPoint } from './text/partition.js';
import type { ItemTerms } from './data/catalogueIndex.js';
import { inRanges, sectionFacts, sentenceAround } from './evidence.js';
import type { DocumentAnalysis } from './model/document.js';
import { sectionAt, type Section } from './model/plan.js';
import type { TermHit } from './text/terms.js';
import type { Scoring, Verdict } from './scoring.js';
import { RECENT_USES } from './text/recent.js';

/** The evidence of one item in one part of the plan. */
export interface PartEvidence {
  specific: Set<string>;
  generic: Set<string>;
  topic: Set<string>;
  /** Indices of the key elements found. */
  elements: Set<number>;
  /** A sentence names every group of one of the item's `together` sets. */
  together: boolean;
  /** The best hit to quote: specific, then topic, then generic, then a key element. */
  best: TermHit | undefined;
  bestRank: number;
  /** Sentences (or list items) that hold a specific, topic or generic term of the item. */
  sentencesWith: number;
  words: number;
  sentences: number;
  /**
   * termsVerdict's answer (scoring.ts) for the last scoring it was asked with: the objects a
   * section's evidence is made of are shared by the versions of a document, and reading this
   * touches one object where the verdict reads four sets.
   */
  judgedWith: Readonly<Scoring> | undefined;
  judged: Verdict;
}

/** A doc's hits per section, with placeholders removed, and heading hits only where the section has prose. */
const usable = new WeakMap<DocumentAnalysis, TermHit[][]>();

export function sectionHits(doc: DocumentAnalysis): TermHit[][] {
  let bySection = usable.get(doc);
  if (bySection) return bySection;
  const { sections } = doc.plan;
  const facts = sectionFacts(doc.plan);
  const prose = withProse(sections, facts);
  // The plan's title names the ICB and the plan, not what the plan covers.
  const title = sections.find((t) => t.depth === 1);
  // Each hit's section (-1: not usable), then arrays of the right length filled in order: no array grows.
  const { hits } = doc;
  const sectionOf = new Int32Array(hits.length);
  const counts = new Int32Array(sections.length);
  // The hits are in order, so the section of each is found by stepping through the sections alongside.
  let i = 0;
  let last = -1;
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    if (hit.start < last) i = sectionAt(sections, hit.start);
    else while (i + 1 < sections.length && sections[i + 1]!.start <= hit.start) i++;
    last = hit.start;
    const s = sections[i]!;
    const { placeholders } = facts[i]!;
    const unusable = (placeholders.length > 0 && inRanges(placeholders, hit.start)) || (s.depth > 0 && hit.start < s.headingEnd && (!prose[i] || s === title));
    sectionOf[h] = unusable ? -1 : i;
    if (!unusable) counts[i]!++;
  }
  const filled = new Int32Array(sections.length);
  const result: TermHit[][] = [];
  for (let k = 0; k < sections.length; k++) result.push(new Array<TermHit>(counts[k]!));
  for (let h = 0; h < hits.length; h++) {
    const k = sectionOf[h]!;
    if (k >= 0) result[k]![filled[k]!++] = hits[h]!;
  }
  usable.set(doc, (bySection = result));
  return bySection;
}

/** For each section, whether it or one of its subsections holds prose (one pass, children after parents). */
function withProse(sections: readonly Section[], facts: ReturnType<typeof sectionFacts>): boolean[] {
  const prose = facts.map((f) => f.words > 0);
  for (let i = sections.length - 1; i > 0; i--) {
    const p = sections[i]!.parent;
    if (p !== undefined && prose[i]) prose[p] = true;
  }
  return prose;
}

const RANK = { specific: 0, topic: 1, generic: 2, element: 3 } as const;

export function emptyEvidence(): PartEvidence {
  return { specific: new Set(), generic: new Set(), topic: new Set(), elements: new Set(), together: false, best: undefined, bestRank: 4, sentencesWith: 0, words: 0, sentences: 0, judgedWith: undefined, judged: undefined };
}

/**
 * The evidence of an item in some sections of a document. `bodyOnly`: the index of a section
 * whose heading is not evidence (a mapped section: its heading says where, not what).
 */
export function partEvidence(doc: DocumentAnalysis, sections: readonly Section[], terms: ItemTerms, bodyOnly?: number): PartEvidence {
  const facts = sectionFacts(doc.plan);
  const hitsBySection = sectionHits(doc);
  const e = emptyEvidence();
  for (const s of sections) {
    e.words += facts[s.index]!.words;
    e.sentences += facts[s.index]!.sentences;
    const all = hitsBySection[s.index]!;
    const hits = s.index === bodyOnly ? all.filter((h) => h.start >= s.headingEnd) : all;
    const inOtherSense = otherSenseCover(hits, terms.notTerms);
    let sentenceEnd = -1;
    for (const hit of hits) {
      if (inOtherSense(hit)) continue;
      let rank = 4;
      const strength = terms.signals.get(hit.key);
      if (strength === 'specific') {
        e.specific.add(hit.key);
        rank = RANK.specific;
      }
      if (terms.topics.has(hit.key)) {
        e.topic.add(hit.key);
        rank = Math.min(rank, RANK.topic);
      }
      if (strength === 'generic') {
        e.generic.add(hit.key);
        rank = Math.min(rank, RANK.generic);
      }
      terms.elements.forEach((keys, i) => {
        if (!keys.includes(hit.key)) return;
        e.elements.add(i);
        rank = Math.min(rank, RANK.element);
      });
      if (rank < e.bestRank) [e.best, e.bestRank] = [hit, rank];
      if (rank < RANK.element && hit.start >= sentenceEnd) {
        e.sentencesWith++;
        sentenceEnd = sentenceAround(doc.plan.text, hit.start, [s.start, s.end])[1];
      }
    }
    if (!e.together && terms.together.length > 0) e.together = namesTogether(doc, s, hits, terms);
  }
  return e;
}

/**
 * True when one sentence of the section names a word of every group of one `together` set.
 * Each sentence is looked at once per set, and its hits found by a binary search in the hits
 * sorted by start, so a section with many hits costs n·log n, not hits times hits.
 */
function namesTogether(doc: DocumentAnalysis, section: Section, hits: readonly TermHit[], terms: ItemTerms): boolean {
  const sorted = byStart(hits);
  for (const set of terms.together) {
    let checkedTo = -1;
    for (const hit of sorted) {
      if (hit.start < checkedTo || !set[0]!.includes(hit.key)) continue;
      const [s, e] = sentenceAround(doc.plan.text, hit.start, [section.start, section.end]);
      checkedTo = e;
      const inSentence: string[] = [];
      for (let i = partitionPoint(sorted, (h) => h.start < s); i < sorted.length && sorted[i]!.start < e; i++) if (sorted[i]!.end <= e) inSentence.push(sorted[i]!.key);
      if (set.every((group) => group.some((k) => inSentence.includes(k)))) return true;
    }
  }
  return false;
}

function byStart(hits: readonly TermHit[]): readonly TermHit[] {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.start < hits[i - 1]!.start) return [...hits].sort((a, b) => a.start - b.start);
  return hits;
}

/** Evidence merged from a run of parts, and the index in the run of the part whose best hit it quotes (-1: none). */
export interface Merged {
  evidence: PartEvidence;
  best: number;
}

/** The evidence of parts[lo..hi) taken together, with the totals of the text they cover. */
function mergeOf(parts: readonly PartEvidence[], lo: number, hi: number, words: number, sentences: number): Merged {
  const e = emptyEvidence();
  let best = -1;
  for (let i = lo; i < hi; i++) {
    const p = parts[i]!;
    for (const k of p.specific) e.specific.add(k);
    for (const k of p.generic) e.generic.add(k);
    for (const k of p.topic) e.topic.add(k);
    for (const x of p.elements) e.elements.add(x);
    e.together ||= p.together;
    e.sentencesWith += p.sentencesWith;
    if (p.bestRank < e.bestRank) [e.best, e.bestRank, best] = [p.best, p.bestRank, i - lo];
  }
  e.words = words;
  e.sentences = sentences;
  return { evidence: e, best };
}

interface RememberedMerge {
  parts: PartEvidence[];
  words: number;
  sentences: number;
  merged: Merged;
}

/**
 * Merges remembered by the parts merged (by identity: coverage.ts merges the evidence objects
 * of sectionEvidence.ts, which stay the same while a section's text does) and the word and
 * sentence totals, found from the last part. A few per last part: the chapters that end with
 * the same section, and an older version or two. Kept while one of the last RECENT_USES
 * coverage computations read them (see endMerges), so old versions' evidence is let go.
 */
const merges = new Map<PartEvidence, { list: RememberedMerge[]; use: number }>();
const MERGES_PER_PART = 6;
let mergeUse = 0;

/** Ends one coverage computation's use of the remembered merges: those none of the last few read are forgotten. */
export function endMerges(): void {
  mergeUse++;
  const oldest = mergeUse - RECENT_USES;
  merges.forEach((known, part) => {
    if (known.use < oldest) merges.delete(part);
  });
}

/** The evidence of parts[lo..hi) taken together (see merge), the same object as long as those parts and totals are. */
export function mergeRun(parts: readonly PartEvidence[], lo: number, hi: number, words: number, sentences: number): Merged {
  if (hi <= lo) return mergeOf(parts, lo, hi, words, sentences);
  const last = parts[hi - 1]!;
  let known = merges.get(last);
  if (known) known.use = mergeUse;
  for (const r of known?.list ?? []) {
    if (r.words !== words || r.sentences !== sentences || r.parts.length !== hi - lo) continue;
    let same = true;
    for (let i = lo; same && i < hi; i++) same = r.parts[i - lo] === parts[i];
    if (same) return r.merged;
  }
  const merged = mergeOf(parts, lo, hi, words, sentences);
  if (!known) merges.set(last, (known = { list: [], use: mergeUse }));
  if (known.list.length >= MERGES_PER_PART) known.list.shift();
  known.list.push({ parts: parts.slice(lo, hi), words, sentences, merged });
  return merged;
}

/** Every key under which a hit can be evidence of the item. */
const relevantKeys = new WeakMap<ItemTerms, Set<string>>();
export function keysOf(terms: ItemTerms): Set<string> {
  let keys = relevantKeys.get(terms);
  if (!keys) {
    keys = new Set([...terms.signals.keys(), ...terms.topics, ...terms.elements.flat(), ...terms.together.flat(2)]);
    relevantKeys.set(terms, keys);
  }
  return keys;
}

/**
 * A test for "this hit lies inside a phrase used in another sense" (a hit of one of notTerms
 * that contains it, other than itself), answered for hits in increasing start order by one
 * sweep over the other-sense hits sorted by start: n·log n in the section's hits, where asking
 * every other-sense hit for every hit grew with their product on a long section.
 */
function otherSenseCover(hits: readonly TermHit[], notTerms: ReadonlySet<string>): (hit: TermHit) => boolean {
  if (notTerms.size === 0) return () => false;
  const other = hits.filter((h) => notTerms.has(h.key)).sort((a, b) => a.start - b.start);
  if (other.length === 0) return () => false;
  let next = 0;
  // The two other-sense hits with the furthest ends among those starting at or before the position.
  let first: TermHit | undefined;
  let second: TermHit | undefined;
  let last = -Infinity;
  const covers = (o: TermHit | undefined, hit: TermHit) => o !== undefined && o !== hit && hit.end <= o.end;
  return (hit) => {
    if (hit.start < last) return other.some((o) => o.start <= hit.start && hit.end <= o.end && o !== hit); // out of order: rare
    last = hit.start;
    for (; next < other.length && other[next]!.start <= hit.start; next++) {
      const o = other[next]!;
      if (!first || o.end > first.end) [first, second] = [o, first];
      else if (!second || o.end > second.end) second = o;
    }
    return covers(first, hit) || covers(second, hit);
  };
}
