/**
 * The evidence of every item in each section of a document on its own, as coverage.ts scores
 * it, remembered by what it is computed from: the section's text, its usable term hits (keys
 * and places relative to the section) and its word and sentence counts. An edit changes those
 * of the sections it touches, so only they are scored again. The hit each evidence quotes is
 * placed relative to its section, so a section that only moved keeps the very same evidence
 * objects, and so does a chapter whose sections all keep theirs (blocks.ts: coverage reuses
 * what it built from them). The cache cannot change a result: it is
 * keyed by the text and checks the other inputs before it is used.
 */
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { clearQuotes, sectionFacts } from './evidence.js';
import { emptyEvidence, keysOf, partEvidence, sectionHits, type PartEvidence } from './itemEvidence.js';
import type { DocumentAnalysis } from './model/document.js';
import { detach, type TermHit } from './text/terms.js';
import { RecentByText } from './text/recent.js';
import type { Steps } from './steps.js';
import { LastVersions } from './lastVersion.js';

/** What a section holds: the same object while its text, usable hits and counts are (see the file's comment). */
export interface SectionEntry {
  /** The items the section holds a key of (their places in the catalogue, in order), and the evidence of each. */
  readonly slots: readonly number[];
  readonly evidence: readonly PartEvidence[];
}

/** A document's evidence per section. */
export interface OwnEvidence {
  /** Each section's entry (every section has one; one without hits has no slots). */
  entries: readonly SectionEntry[];
  /** The evidence of an item in a section below its heading (a mapped section's own), `best` relative to the section's start. */
  bodyOnly(section: number, terms: ItemTerms): PartEvidence;
}

interface Entry extends SectionEntry {
  /** Item id -> the evidence below the heading, computed when a section mapped to the item asks for it. */
  bodyOnly: Map<string, PartEvidence>;
  /** What it was computed from besides the section's text: its word and sentence counts, and its hits (relative to the section). */
  words: number;
  sentences: number;
  hits: TermHit[];
}

/** Each section's evidence per catalogue index, kept for the versions analysed lately (see RecentByText). */
const caches = new WeakMap<CatalogueIndex, RecentByText<Entry>>();
const itemsByKey = new WeakMap<CatalogueIndex, Map<string, number[]>>();
const memo = new WeakMap<DocumentAnalysis, { index: CatalogueIndex; own: OwnEvidence }>();

/**
 * A token for what is remembered from an index's section evidence (blocks.ts, itemReuse.ts key
 * theirs by it): clearSectionEvidence replaces it, so that nothing built before is reused.
 */
export function evidenceEpoch(index: CatalogueIndex): object {
  return cacheOf(index);
}

function cacheOf(index: CatalogueIndex): RecentByText<Entry> {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new RecentByText()));
  return cache;
}

/** The entries of each document's last version, per cache (see lastVersion.ts). */
const lastVersions = new WeakMap<RecentByText<Entry>, LastVersions<Entry>>();
function lastOf(cache: RecentByText<Entry>): LastVersions<Entry> {
  let last = lastVersions.get(cache);
  if (!last) lastVersions.set(cache, (last = new LastVersions()));
  return last;
}

/** Forgets every section's evidence, and the quotes remembered (for tests that compare with a computation from scratch). */
export function clearSectionEvidence(index: CatalogueIndex): void {
  caches.delete(index);
  clearQuotes();
}

/** The items one of whose keys (see keysOf) is each term key, by their places in the catalogue. */
function itemsFor(index: CatalogueIndex): Map<string, number[]> {
  let byKey = itemsByKey.get(index);
  if (!byKey) {
    byKey = new Map();
    index.catalogue.items.forEach((item, slot) => {
      for (const key of keysOf(index.items.get(item.id)!)) {
        const list = byKey!.get(key);
        if (list) list.push(slot);
        else byKey!.set(key, [slot]);
      }
    });
    itemsByKey.set(index, byKey);
  }
  return byKey;
}

/** Sections scored afresh per step of ownEvidenceSteps. */
const SECTIONS_PER_STEP = 16;

/**
 * Each section's own evidence for every item it holds a term of (an entry for every section),
 * computed once per document version and index. In steps: the document's section facts and
 * hits, then its sections a few at a time (only those scored afresh count), so that a plan
 * just opened is not scored in one go.
 */
export function* ownEvidenceSteps(doc: DocumentAnalysis, index: CatalogueIndex): Steps<OwnEvidence> {
  const known = memo.get(doc);
  if (known?.index === index) return known.own;
  const cache = cacheOf(index);
  const byKey = itemsFor(index);
  const { sections, text } = doc.plan;
  const facts = sectionFacts(doc.plan, doc.uri);
  yield;
  const hitsBySection = sectionHits(doc);
  yield;
  const items = index.catalogue.items.map((item) => index.items.get(item.id)!);
  const entries: Entry[] = [];
  const last = lastOf(cache);
  // A section the edit left alone is found without hashing its text (see lastVersion.ts).
  const carried = last.carried(doc.uri, text, sections);
  let scored = 0;
  for (const section of sections) {
    const hits = hitsBySection[section.index]!;
    const base = section.start;
    const f = facts[section.index]!;
    const before = carried[section.index];
    if (before && sameInputs(before, f.words, f.sentences, hits, base)) {
      entries.push(before);
      continue;
    }
    // Keyed by the text; the counts and hits (rarely different for the same text) are compared.
    let key = text.slice(base, section.end);
    let entry = cache.get(key);
    // Found: the same evidence objects, wherever the section now starts.
    if (!entry || !sameInputs(entry, f.words, f.sentences, hits, base)) {
      const slots: number[] = [];
      for (const h of hits) for (const slot of byKey.get(h.key) ?? []) if (!slots.includes(slot)) slots.push(slot);
      slots.sort((a, b) => a - b);
      const evidence = slots.map((slot) => relative(partEvidence(doc, [section], items[slot]!), base));
      entry = { slots, evidence, bodyOnly: new Map(), words: f.words, sentences: f.sentences, hits: hits.map((h) => ({ key: h.key, start: h.start - base, end: h.end - base })) };
      cache.delete(key);
      key = detach(key);
      if (++scored % SECTIONS_PER_STEP === 0) yield;
    }
    cache.set(key, entry);
    entries.push(entry);
  }
  cache.endUse();
  last.remember(doc.uri, text, sections, entries);
  const bodyOnly = (i: number, terms: ItemTerms): PartEvidence => {
    const entry = entries[i]!;
    if (entry.hits.length === 0) return emptyOf(terms);
    let evidence = entry.bodyOnly.get(terms.item.id);
    if (!evidence) entry.bodyOnly.set(terms.item.id, (evidence = relative(partEvidence(doc, [sections[i]!], terms, i), sections[i]!.start)));
    return evidence;
  };
  const own = { entries, bodyOnly };
  memo.set(doc, { index, own });
  return own;
}

/** The evidence with its quoted hit placed relative to `base`. */
function relative(e: PartEvidence, base: number): PartEvidence {
  if (e.best) e.best = { key: e.best.key, start: e.best.start - base, end: e.best.end - base };
  return e;
}

/** One empty evidence per item, for a mapped section without any of its terms (so that coverage.ts can key by identity). */
const empties = new WeakMap<ItemTerms, PartEvidence>();
function emptyOf(terms: ItemTerms): PartEvidence {
  let e = empties.get(terms);
  if (!e) empties.set(terms, (e = emptyEvidence()));
  return e;
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

