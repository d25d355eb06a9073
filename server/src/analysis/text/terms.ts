/**
 * One-pass matching of many literal phrases: case-insensitive, on word boundaries,
 * tolerant of white space runs, dash and apostrophe variants. Phrases are data, never
 * regular expressions: every character is escaped.
 */
import { SegmentCache } from './segments.js';
import type { Steps } from '../steps.js';

export { detach } from './recent.js';
export { SegmentCache } from './segments.js';

export interface TermHit {
  /** The normalised phrase (see normaliseTerm). */
  key: string;
  start: number;
  end: number;
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212-]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc']/g;

/**
 * The form under which a phrase and every text that matches it are compared: lower case,
 * one apostrophe style, and dashes treated as spaces ("place-based" = "place based").
 */
export function normaliseTerm(term: string): string {
  return term.toLowerCase().replace(DASHES, ' ').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Folds plural and possessive forms onto a singular listed alongside them, so that a
 * catalogue listing both "team" and "teams" counts them as one term.
 */
export function canonicalTerms(keys: Iterable<string>): Map<string, string> {
  const all = new Set(keys);
  const canon = new Map<string, string>();
  for (const k of all) {
    const stem = ["'s", 'es', 's'].map((suffix) => (k.endsWith(suffix) ? k.slice(0, -suffix.length) : '')).find((st) => st !== '' && all.has(st));
    canon.set(k, stem ?? k);
  }
  return canon;
}

function phrasePattern(term: string): string {
  return normaliseTerm(term)
    .split('')
    .map((c) => {
      if (c === ' ') return '[\\s\\u2010-\\u2014\\u2212-]+';
      if (c === "'") return "['\\u2018\\u2019\\u02bc]";
      return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/**
 * Every match of a global pattern in text, skipping matches that overlap an excluded range
 * (ranges sorted by start). Shared by the phrase and abbreviation matchers.
 */
export function* matchesOutside(pattern: RegExp, text: string, excluded: readonly (readonly [number, number])[]): Generator<RegExpExecArray> {
  // Compiling a large pattern costs far more than matching a heading, so copies are reused
  // (a copy per concurrent use, as each keeps its own lastIndex).
  let pool = COPIES.get(pattern);
  if (!pool) COPIES.set(pattern, (pool = []));
  const re = pool.pop() ?? new RegExp(pattern.source, pattern.flags);
  re.lastIndex = 0;
  try {
    let x = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      while (x < excluded.length && excluded[x]![1] <= start) x++;
      if (x < excluded.length && excluded[x]![0] < end) continue;
      yield m;
    }
  } finally {
    pool.push(re);
  }
}

const COPIES = new WeakMap<RegExp, RegExp[]>();

export class TermMatcher {
  private readonly pattern: RegExp | undefined;
  /** Candidate starts: a character that can begin a phrase, not preceded by a word character. */
  private readonly starts: RegExp | undefined;
  /** The same pattern (sticky), restricted to the phrases that can start with one ASCII character. */
  private readonly buckets = new Map<string, RegExp>();
  private readonly sticky: RegExp | undefined;
  readonly keys: ReadonlySet<string>;
  /** Matches by segment text (see match), only for matchers whose phrases have no "#". */
  private readonly segments = new SegmentCache();
  private readonly segmentable: boolean;
  /** Texts shorter than this are matched in one pass, without the segment cache (tests change it). */
  static segmentMin = 20_000;

  constructor(terms: Iterable<string>) {
    const keys = new Set<string>();
    for (const t of terms) {
      const k = normaliseTerm(t);
      if (k.length > 0) keys.add(k);
    }
    this.keys = keys;
    this.segmentable = ![...keys].some((k) => k.includes('#'));
    if (keys.size === 0) return;
    // Longest first, so that at any position the longest phrase wins.
    const sorted = [...keys].sort((a, b) => b.length - a.length || a.localeCompare(b));
    // A plural or possessive ending ("institutions", "Board's") still counts as the phrase.
    const build = (list: string[], flags: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list.map(phrasePattern).join('|')})(?:['\u2019]?s|es)?(?![\\p{L}\\p{N}_])`, flags);
    this.pattern = build(sorted, 'giu');
    // Speed without changing results: at each position only the phrases whose first character
    // can match are tried, in the same order. Phrases that start with a non-ASCII character
    // (which case folding might pair with an ASCII one) join every bucket.
    this.sticky = build(sorted, 'iuy');
    const firsts = new Set(sorted.map((k) => k[0]!));
    const wild = sorted.filter((k) => k.charCodeAt(0) > 0x7f);
    for (const first of firsts) {
      if (first.charCodeAt(0) > 0x7f) continue;
      this.buckets.set(first, build(sorted.filter((k) => k[0] === first || k.charCodeAt(0) > 0x7f), 'iuy'));
    }
    const chars = [...firsts].map((c) => (c === "'" ? "'\u2018\u2019\u02bc" : c.replace(/[\\\]^-]/g, '\\$&'))).join('');
    this.starts = new RegExp(`(?<![\\p{L}\\p{N}_])${wild.length > 0 ? '[^]' : `[${chars}]`}`, 'giu');
  }

  /**
   * The matches of the combined pattern over text, exactly as its global exec would find them,
   * but trying the pattern only where a phrase can start.
   */
  private *scan(text: string): Generator<{ index: number; text: string }> {
    const starts = new RegExp(this.starts!.source, this.starts!.flags);
    for (let s = starts.exec(text); s !== null; s = starts.exec(text)) {
      const p = s.index;
      const c = text.charCodeAt(p);
      const re = (c <= 0x7f ? this.buckets.get(String.fromCharCode(c).toLowerCase()) : undefined) ?? this.sticky;
      if (re) {
        re.lastIndex = p;
        const m = re.exec(text);
        if (m) {
          yield { index: p, text: m[0] };
          starts.lastIndex = p + m[0].length;
          continue;
        }
      }
      starts.lastIndex = p + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    }
  }

  /**
   * Every phrase occurrence in text, skipping those that overlap an excluded range (`excluded`
   * must be sorted by start). A long text is cut into segments just before each "#" that starts
   * a line: no phrase contains "#" (checked), and the pattern's look-behind and look-ahead see
   * the same non-word character at a cut as at the end of the text, so the matches are exactly
   * those of one pass. Each segment's matches are remembered by its text, so after an edit only
   * the segments it touched are scanned again.
   */
  /** Finds the hits of a long text's segments not known yet, a few per step, so that match() then costs little (the server's first analysis of a long plan). */
  *prepare(text: string): Steps<void> {
    if (this.pattern && text.length >= TermMatcher.segmentMin && this.segmentable) yield* this.segments.prepare(text, (segment) => this.hitsOf(segment, 0));
  }

  match(text: string, excluded: readonly (readonly [number, number])[] = []): TermHit[] {
    const hits: TermHit[] = [];
    if (!this.pattern) return hits;
    if (text.length >= TermMatcher.segmentMin && this.segmentable) return this.segments.hitsOutside(text, excluded, (segment) => this.hitsOf(segment, 0));
    const all = this.hitsOf(text, 0);
    let x = 0;
    for (let i = 0; i < all.length; i++) {
      const hit = all[i]!;
      while (x < excluded.length && excluded[x]![1] <= hit.start) x++;
      if (x < excluded.length && excluded[x]![0] < hit.end) continue;
      hits.push(hit);
    }
    return hits;
  }

  private hitsOf(text: string, offset: number): TermHit[] {
    const hits: TermHit[] = [];
    for (const m of this.scan(text)) {
      const key = this.keyOf(m.text);
      if (key !== undefined) hits.push({ key, start: m.index + offset, end: m.index + m.text.length + offset });
    }
    return hits;
  }

  private keyOf(matched: string): string | undefined {
    const k = normaliseTerm(matched);
    if (this.keys.has(k)) return k;
    for (const suffix of ["'s", 's', 'es']) {
      if (k.endsWith(suffix) && this.keys.has(k.slice(0, -suffix.length))) return k.slice(0, -suffix.length);
    }
    return undefined;
  }

  /** True when text contains the phrase (normalised) as a whole-word run. */
  static contains(text: string, phrase: string): boolean {
    return new TermMatcher([phrase]).match(text).length > 0;
  }
}
