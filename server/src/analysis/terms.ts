/**
 * One-pass matching of many literal phrases: case-insensitive, on word boundaries,
 * tolerant of white space runs, dash and apostrophe variants. Phrases are data, never
 * regular expressions: every character is escaped.
 */

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
  readonly keys: ReadonlySet<string>;

  constructor(terms: Iterable<string>) {
    const keys = new Set<string>();
    for (const t of terms) {
      const k = normaliseTerm(t);
      if (k.length > 0) keys.add(k);
    }
    this.keys = keys;
    if (keys.size === 0) return;
    // Longest first, so that at any position the longest phrase wins.
    const alternatives = [...keys].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(phrasePattern);
    // A plural or possessive ending ("institutions", "Board's") still counts as the phrase.
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?:['\u2019]?s|es)?(?![\\p{L}\\p{N}_])`, 'giu');
  }

  /**
   * Every phrase occurrence in text, skipping those that overlap an excluded range.
   * `excluded` must be sorted by start.
   */
  match(text: string, excluded: readonly (readonly [number, number])[] = []): TermHit[] {
    const hits: TermHit[] = [];
    if (!this.pattern) return hits;
    for (const m of matchesOutside(this.pattern, text, excluded)) {
      const key = this.keyOf(m[0]);
      if (key !== undefined) hits.push({ key, start: m.index, end: m.index + m[0].length });
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
