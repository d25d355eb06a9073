/**
 * The evidence of every item in each section of a document on its own, as coverage.ts scores
 * it, remembered by what it is computed from: the section's text, its usable term hits (keys
 * and places relative to the section) and its word and sentence counts. An edit changes those
 * of the sections it touches, so only they are scored again; a section that only moved has
 * its evidence moved with it. The cache cannot change a result: it is keyed by the text and
 * checks the other inputs before it is used.
 */
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { sectionFacts } from './evidence.js';
import { keysOf, partEvidence, sectionHits, type PartEvidence } from './itemEvidence.js';
import type { DocumentAnalysis } from './model/document.js';
import { detach, type TermHit } from './text/terms.js';
import { RecentByText } from './text/recent.js';

/** A document's evidence per section, and the sections that hold a term of each item. */
export interface OwnEvidence {
  /** Per section: item id -> its evidence in the section alone (only items one of whose keys it holds). */
  bySection: ReadonlyMap<string, PartEvidence>[];
  /** Item id -> indices of the sections that hold one of its keys, in order. */
  sectionsOf: ReadonlyMap<string, readonly number[]>;
}

interface Entry {
  /** The offset of the section the evidence's quote hit is placed for. */
  base: number;
  evidence: Map<string, PartEvidence>;
  /** What it was computed from besides the section's text: its word and sentence counts, and its hits (relative to the section). */
  words: number;
  sentences: number;
  hits: TermHit[];
}

/** Each section's evidence per catalogue index, kept for the versions analysed lately (see RecentByText). */
const caches = new WeakMap<CatalogueIndex, RecentByText<Entry>>();
const itemsByKey = new WeakMap<CatalogueIndex, Map<string, ItemTerms[]>>();
const memo = new WeakMap<DocumentAnalysis, { index: CatalogueIndex; own: OwnEvidence }>();

/** Forgets every section's evidence (for tests that compare with a computation from scratch). */
export function clearSectionEvidence(index: CatalogueIndex): void {
  caches.delete(index);
}

/** The items one of whose keys (see keysOf) is each term key. */
function itemsFor(index: CatalogueIndex): Map<string, ItemTerms[]> {
  let byKey = itemsByKey.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const terms of index.items.values()) {
      for (const key of keysOf(terms)) {
        const list = byKey.get(key);
        if (list) list.push(terms);
        else byKey.set(key, [terms]);
      }
    }
    itemsByKey.set(index, byKey);
  }
  return byKey;
}

/** Each section's own evidence for every item it holds a term of; computed once per document version and index. */
export function ownEvidence(doc: DocumentAnalysis, index: CatalogueIndex): OwnEvidence {
  const known = memo.get(doc);
  if (known?.index === index) return known.own;
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new RecentByText()));
  const byKey = itemsFor(index);
  const { sections, text } = doc.plan;
  const facts = sectionFacts(doc.plan);
  const hitsBySection = sectionHits(doc);
  const bySection: Map<string, PartEvidence>[] = [];
  const sectionsOf = new Map<string, number[]>();
  for (const section of sections) {
    const hits = hitsBySection[section.index]!;
    if (hits.length === 0) {
      bySection.push(new Map());
      continue;
    }
    const base = section.start;
    const f = facts[section.index]!;
    // Keyed by the text; the counts and hits (rarely different for the same text) are compared.
    let key = text.slice(base, section.end);
    let entry = cache.get(key);
    if (entry && sameInputs(entry, f.words, f.sentences, hits, base)) {
      if (entry.base !== base) entry = { ...entry, base, evidence: moved(entry.evidence, base - entry.base) };
    } else {
      const evidence = new Map<string, PartEvidence>();
      for (const h of hits) {
        for (const terms of byKey.get(h.key) ?? []) {
          if (!evidence.has(terms.item.id)) evidence.set(terms.item.id, partEvidence(doc, [section], terms));
        }
      }
      entry = { base, evidence, words: f.words, sentences: f.sentences, hits: hits.map((h) => ({ key: h.key, start: h.start - base, end: h.end - base })) };
      cache.delete(key);
      key = detach(key);
    }
    cache.set(key, entry);
    bySection.push(entry.evidence);
    for (const id of entry.evidence.keys()) {
      const list = sectionsOf.get(id);
      if (list) list.push(section.index);
      else sectionsOf.set(id, [section.index]);
    }
  }
  cache.endUse();
  const own = { bySection, sectionsOf };
  memo.set(doc, { index, own });
  return own;
}

function sameInputs(entry: Entry, words: number, sentences: number, hits: readonly TermHit[], base: number): boolean {
  if (entry.words !== words || entry.sentences !== sentences || entry.hits.length !== hits.length) return false;
  for (let i = 0; i < hits.length; i++) {
    const a = entry.hits[i]!;
    const b = hits[i]!;
    if (a.key !== b.key || a.start !== b.start - base || a.end !== b.end - base) return false;
  }
  return true;
}

/** The same evidence for a section moved by `by` characters (only the quoted hit has a place). */
function moved(evidence: ReadonlyMap<string, PartEvidence>, by: number): Map<string, PartEvidence> {
  const out = new Map<string, PartEvidence>();
  for (const [id, e] of evidence) out.set(id, e.best ? { ...e, best: { key: e.best.key, start: e.best.start + by, end: e.best.end + by } } : e);
  return out;
}
