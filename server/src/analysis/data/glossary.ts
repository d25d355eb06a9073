/**
 * The glossary (abbreviations and terms with plain-English meanings) and the list of
 * outdated terms (bodies that were abolished or renamed), loaded from schemas/ and
 * validated once, with matchers built once for the rules and the hover.
 */
import { dataValidator, duplicates, loadData, type SchemaProblem } from './loadData.js';
import glossarySchema from '../../../../schemas/glossary.schema.json' with { type: 'json' };
import glossaryJson from '../../../../schemas/glossary.json' with { type: 'json' };
import outdatedSchema from '../../../../schemas/outdated-terms.schema.json' with { type: 'json' };
import outdatedJson from '../../../../schemas/outdated-terms.json' with { type: 'json' };
import { matchesOutside, normaliseTerm, SegmentCache, TermMatcher, type TermHit } from '../text/terms.js';
import type { Confidence } from '../types.js';

export interface GlossaryEntry {
  abbreviation?: string;
  term: string;
  plural?: string;
  aliases?: string[];
  meaning: string;
  confidence?: Confidence;
  source?: string;
  wellKnown?: boolean;
  generic?: boolean;
}

export interface OutdatedTerm {
  term: string;
  aliases?: string[];
  abbreviation?: string;
  replacement?: string;
  replacementAbbreviation?: string;
  since: string;
  what: string;
  source: string;
  confidence: Confidence;
}

/** Abbreviations and terms (with aliases) must each be listed once. */
function uniqueKeys<T extends { abbreviation?: string; term: string; aliases?: string[] }>(terms: readonly T[]): SchemaProblem[] {
  return [
    ...duplicates(terms, (t) => [t.abbreviation], (i) => `/terms/${i}/abbreviation`, 'abbreviation'),
    ...duplicates(terms, (t) => [t.term, ...(t.aliases ?? [])].map(normaliseTerm), (i) => `/terms/${i}/term`, 'term'),
  ];
}

/** Problems with glossary data (schemas/glossary.schema.json, then unique abbreviations and terms); pointers like "/terms/3/meaning". */
export const validateGlossary: (data: unknown) => SchemaProblem[] = dataValidator<{ terms: GlossaryEntry[] }>(glossarySchema as object, (d) => uniqueKeys(d.terms));

/** Problems with outdated-term data (schemas/outdated-terms.schema.json, then the rules a schema cannot express). */
export const validateOutdatedTerms: (data: unknown) => SchemaProblem[] = dataValidator<{ terms: OutdatedTerm[] }>(outdatedSchema as object, ({ terms }) => [
  ...terms.flatMap((t, i) => (t.replacementAbbreviation && !t.replacement ? [{ pointer: `/terms/${i}/replacementAbbreviation`, message: 'a replacement abbreviation needs a replacement' }] : [])),
  ...uniqueKeys(terms),
]);

export interface AbbreviationHit {
  /** The abbreviation as listed (without a plural 's'). */
  abbreviation: string;
  start: number;
  end: number;
  /** True when written with a plural 's' ("ICBs"). */
  plural: boolean;
}

/**
 * One-pass matching of abbreviations: case-sensitive ("ICB", never "icb"), on word
 * boundaries, with an optional plural "s". A possessive "'s" is left outside the hit.
 * A long text is matched segment by segment, as TermMatcher does (see SegmentCache): no
 * abbreviation contains "#" (checked), and the look-behind and look-ahead see a non-word
 * character at a cut just as at the ends of the text, so the hits are those of one pass,
 * and after an edit only the segments it touched are matched again.
 */
export class AbbreviationMatcher {
  private readonly pattern: RegExp | undefined;
  readonly abbreviations: ReadonlySet<string>;
  private readonly segments = new SegmentCache();
  private readonly segmentable: boolean;

  constructor(abbreviations: Iterable<string>) {
    this.abbreviations = new Set([...abbreviations].filter((a) => a.length > 0));
    this.segmentable = ![...this.abbreviations].some((a) => a.includes('#'));
    if (this.abbreviations.size === 0) return;
    // Longest first, so that "NHSE/I" wins over "NHSE" at the same position.
    const alternatives = [...this.abbreviations].sort((a, b) => b.length - a.length || a.localeCompare(b)).map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${alternatives.join('|')})(s?)(?![\\p{L}\\p{N}_])`, 'gu');
  }

  /** Every abbreviation in text, skipping those that overlap an excluded range (sorted by start). */
  match(text: string, excluded: readonly (readonly [number, number])[] = []): AbbreviationHit[] {
    const hits: AbbreviationHit[] = [];
    if (!this.pattern) return hits;
    const all = text.length < TermMatcher.segmentMin || !this.segmentable ? this.hitsOf(text) : this.segments.hits(text, (segment) => this.hitsOf(segment));
    let x = 0;
    for (const h of all) {
      while (x < excluded.length && excluded[x]![1] <= h.start) x++;
      if (x < excluded.length && excluded[x]![0] < h.end) continue;
      // The hit is the abbreviation and, when plural, one "s" more.
      hits.push({ abbreviation: h.key, start: h.start, end: h.end, plural: h.end - h.start > h.key.length });
    }
    return hits;
  }

  /** Every hit in text, before exclusions; the key is the abbreviation as listed. */
  private hitsOf(text: string): TermHit[] {
    const hits: TermHit[] = [];
    for (const m of matchesOutside(this.pattern!, text, [])) hits.push({ key: m[1]!, start: m.index, end: m.index + m[0].length });
    return hits;
  }
}

/** What a piece of text refers to: glossary entries, an outdated term, or both. */
export interface GlossaryMatch {
  entries: GlossaryEntry[];
  outdated: OutdatedTerm | undefined;
}

/** The glossary entries and outdated term found at an offset, with the range of the text. */
export interface GlossaryLookup extends GlossaryMatch {
  start: number;
  end: number;
  /** Whether the text is an abbreviation or a written-out term. */
  via: 'abbreviation' | 'term';
}

/** Plural of a phrase: its last word made plural ("local authority" -> "local authorities"). */
export function pluralise(phrase: string): string {
  if (/[^aeiou]y$/i.test(phrase)) return phrase.slice(0, -1) + 'ies';
  if (/(ss|x|z|ch|sh)$/i.test(phrase)) return phrase + 'es';
  if (/s$/i.test(phrase)) return phrase;
  return phrase + 's';
}

/** The plural of an entry's term. */
export function pluralTerm(entry: GlossaryEntry): string {
  return entry.plural ?? pluralise(entry.term);
}

export function isUnconfirmed(confidence: Confidence | undefined): boolean {
  return confidence === 'memory' || confidence === 'unconfirmed';
}

/**
 * True unless an outdated name is written without its capitals: "NHS Digital" is the
 * body, but "NHS digital services" is not. Common nouns ("clinical commissioning
 * group") match in any case. `key` is the normalised wording that matched.
 */
export function capitalsAgree(written: string, outdated: OutdatedTerm, key: string): boolean {
  const phrase = [outdated.term, ...(outdated.aliases ?? [])].find((p) => normaliseTerm(p) === key) ?? outdated.term;
  const split = (s: string) => s.split(/[\s\u2010-\u2014-]+/).filter((w) => w.length > 0);
  const got = split(written);
  return split(phrase).every((w, i) => !/^\p{Lu}/u.test(w) || /^\p{Lu}/u.test(got[i] ?? ''));
}

/** A validated glossary and outdated-term list, with matchers. Immutable. */
export class Glossary {
  readonly entries: readonly GlossaryEntry[];
  readonly outdated: readonly OutdatedTerm[];
  /** Every abbreviation, of glossary entries and of outdated terms. */
  readonly abbreviations: AbbreviationMatcher;
  /** Every term and alias, of glossary entries and of outdated terms (case-insensitive, see TermMatcher). */
  readonly terms: TermMatcher;
  private readonly byAbbreviation = new Map<string, GlossaryMatch>();
  private readonly byPhrase = new Map<string, GlossaryMatch>();

  constructor(entries: readonly GlossaryEntry[], outdated: readonly OutdatedTerm[]) {
    this.entries = entries;
    this.outdated = outdated;
    const slot = (map: Map<string, GlossaryMatch>, key: string) => {
      let m = map.get(key);
      if (!m) map.set(key, (m = { entries: [], outdated: undefined }));
      return m;
    };
    for (const e of entries) {
      if (e.abbreviation) slot(this.byAbbreviation, e.abbreviation).entries.push(e);
      for (const phrase of [e.term, ...(e.aliases ?? [])]) slot(this.byPhrase, normaliseTerm(phrase)).entries.push(e);
    }
    for (const o of outdated) {
      if (o.abbreviation) slot(this.byAbbreviation, o.abbreviation).outdated = o;
      for (const phrase of [o.term, ...(o.aliases ?? [])]) slot(this.byPhrase, normaliseTerm(phrase)).outdated = o;
    }
    this.abbreviations = new AbbreviationMatcher(this.byAbbreviation.keys());
    this.terms = new TermMatcher(this.byPhrase.keys());
  }

  /** What an abbreviation (as listed, without a plural 's') stands for. */
  abbreviation(abbreviation: string): GlossaryMatch | undefined {
    return this.byAbbreviation.get(abbreviation);
  }

  /** What a term refers to, by its normalised key (see normaliseTerm). */
  phrase(key: string): GlossaryMatch | undefined {
    return this.byPhrase.get(key);
  }

  /** Normalised keys of the wordings that spell an entry out: its term and aliases. */
  expansionKeys(entry: GlossaryEntry): string[] {
    return [entry.term, ...(entry.aliases ?? [])].map(normaliseTerm);
  }

  /**
   * The abbreviation or term covering an offset, looking only at text[from, to) (for a
   * hover, the line), and never inside excluded ranges (sorted by start). A term wins
   * over an abbreviation inside it ("NHS England" over "NHS"). Generic terms ("place")
   * are only found through their abbreviation.
   */
  lookupAt(text: string, offset: number, excluded: readonly (readonly [number, number])[] = [], from = 0, to = text.length): GlossaryLookup | undefined {
    const window = text.slice(from, to);
    const local: [number, number][] = [];
    for (const [s, e] of excluded) if (e > from && s < to) local.push([Math.max(s, from) - from, Math.min(e, to) - from]);
    const at = offset - from;
    let best: GlossaryLookup | undefined;
    const consider = (candidate: GlossaryLookup) => {
      if (!best || candidate.end - candidate.start > best.end - best.start) best = candidate;
    };
    for (const hit of this.terms.match(window, local)) {
      if (at < hit.start || at >= hit.end) continue;
      const found = this.byPhrase.get(hit.key);
      if (!found) continue;
      const entries = found.entries.filter((e) => !e.generic);
      const outdated = found.outdated && capitalsAgree(window.slice(hit.start, hit.end), found.outdated, hit.key) ? found.outdated : undefined;
      if (entries.length === 0 && !outdated) continue;
      consider({ entries, outdated, start: from + hit.start, end: from + hit.end, via: 'term' });
    }
    for (const hit of this.abbreviations.match(window, local)) {
      if (at < hit.start || at >= hit.end) continue;
      const found = this.byAbbreviation.get(hit.abbreviation);
      if (found) consider({ ...found, start: from + hit.start, end: from + hit.end, via: 'abbreviation' });
    }
    return best;
  }
}

/** Checks glossary and outdated-term data and builds a Glossary. Throws InvalidDataError with every problem found. */
export function loadGlossary(glossaryData: unknown, outdatedData: unknown): Glossary {
  const glossary = loadData<{ terms: GlossaryEntry[] }>(validateGlossary, glossaryData, 'glossary');
  const outdated = loadData<{ terms: OutdatedTerm[] }>(validateOutdatedTerms, outdatedData, 'outdated-terms list');
  return new Glossary(glossary.terms, outdated.terms);
}

let defaultGlossary: Glossary | undefined;

/** The glossary and outdated terms shipped with jfp-assist, validated once. */
export function getGlossary(): Glossary {
  defaultGlossary ??= loadGlossary(glossaryJson, outdatedJson);
  return defaultGlossary;
}
