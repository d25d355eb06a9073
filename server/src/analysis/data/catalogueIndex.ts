import type { IndexedCatalogue } from './catalogue.js';
import { canonicalTerms, normaliseTerm, TermMatcher } from '../text/terms.js';
import type { CatalogueItem } from '../types.js';

export interface ItemTerms {
  item: CatalogueItem;
  /** Normalised signal term -> its strength. */
  signals: Map<string, 'specific' | 'generic'>;
  /** For each key element, its normalised terms. */
  elements: string[][];
}

/** Matchers and lookups derived once from a catalogue. */
export interface CatalogueIndex {
  catalogue: IndexedCatalogue;
  /** Every signal and key-element term of every item, in one matcher. */
  bodyMatcher: TermMatcher;
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
  const canon = canonicalTerms(catalogue.items.flatMap((item) => [...item.signalTerms.map((s) => s.term), ...item.keyElements.flatMap((e) => e.terms)]).map(normaliseTerm));
  const key = (term: string) => canon.get(normaliseTerm(term))!;
  for (const item of catalogue.items) {
    const signals = new Map<string, 'specific' | 'generic'>();
    for (const s of item.signalTerms) {
      const k = key(s.term);
      // If a term is listed twice, the stronger listing wins.
      if (signals.get(k) !== 'specific') signals.set(k, s.strength);
      bodyTerms.add(k);
    }
    const elements = item.keyElements.map((e) => e.terms.map(key));
    for (const terms of elements) for (const t of terms) bodyTerms.add(t);
    items.set(item.id, { item, signals, elements });
    for (const phrase of [item.title, item.heading, ...item.aliases]) {
      const key = normaliseTerm(phrase);
      const ids = headingPhrases.get(key) ?? [];
      if (!ids.includes(item.id)) ids.push(item.id);
      headingPhrases.set(key, ids);
    }
  }
  const index: CatalogueIndex = {
    catalogue,
    bodyMatcher: new TermMatcher(bodyTerms),
    headingMatcher: new TermMatcher(headingPhrases.keys()),
    headingPhrases,
    items,
  };
  cache.set(catalogue, index);
  return index;
}
