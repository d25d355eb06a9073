import type { IndexedCatalogue } from './catalogue.js';
import { stemKey, StemMatcher } from '../text/stems.js';
import { normaliseTerm, TermMatcher } from '../text/terms.js';
import type { CatalogueItem } from '../types.js';

/** An item's terms, each under its stem key (see text/stems.ts). */
export interface ItemTerms {
  item: CatalogueItem;
  /** Signal term -> its strength. */
  signals: Map<string, 'specific' | 'generic'>;
  /** The item's own topic words: one is a passing mention. */
  topics: Set<string>;
  /** Phrases that use the item's words in another sense. */
  notTerms: Set<string>;
  /** Sets of word groups that, all in one sentence, are a passing mention. */
  together: string[][][];
  /** For each key element, its terms. */
  elements: string[][];
  /** Stem key -> the term as the catalogue writes it (its first listing), for messages. */
  display: Map<string, string>;
}

/** Matchers and lookups derived once from a catalogue. */
export interface CatalogueIndex {
  catalogue: IndexedCatalogue;
  /** Every term of every item (signals, topics, key elements, other senses), matched by stems. */
  bodyMatcher: StemMatcher;
  /** Titles and aliases, matched against heading text. */
  headingMatcher: TermMatcher;
  /** Normalised heading phrase -> ids of the items it names. */
  headingPhrases: Map<string, string[]>;
  items: Map<string, ItemTerms>;
}

const cache = new WeakMap<IndexedCatalogue, CatalogueIndex>();

export function indexCatalogue(catalogue: IndexedCatalogue): CatalogueIndex {
  const cached = cache.get(catalogue);
  if (cached) return cached;
  const items = new Map<string, ItemTerms>();
  const bodyTerms = new Set<string>();
  const headingPhrases = new Map<string, string[]>();
  for (const item of catalogue.items) {
    const display = new Map<string, string>();
    const key = (term: string) => {
      const k = stemKey(term);
      if (!display.has(k)) display.set(k, term);
      bodyTerms.add(term);
      return k;
    };
    const signals = new Map<string, 'specific' | 'generic'>();
    for (const s of item.signalTerms) {
      const k = key(s.term);
      // If a term is listed twice, the stronger listing wins.
      if (signals.get(k) !== 'specific') signals.set(k, s.strength);
    }
    const topics = new Set((item.topicTerms ?? []).map(key));
    const notTerms = new Set((item.notTerms ?? []).map(key));
    const together = (item.together ?? []).map((set) => set.map((group) => group.map(key)));
    const elements = item.keyElements.map((e) => e.terms.map(key));
    items.set(item.id, { item, signals, topics, notTerms, together, elements, display });
    for (const phrase of [item.title, item.heading, ...item.aliases]) {
      const k = normaliseTerm(phrase);
      const ids = headingPhrases.get(k) ?? [];
      if (!ids.includes(item.id)) ids.push(item.id);
      headingPhrases.set(k, ids);
    }
  }
  const index: CatalogueIndex = {
    catalogue,
    bodyMatcher: new StemMatcher(bodyTerms),
    headingMatcher: new TermMatcher(headingPhrases.keys()),
    headingPhrases,
    items,
  };
  cache.set(catalogue, index);
  return index;
}
