/**
 * One-pass matching of many literal phrases: case-insensitive, on word boundaries,
 * tolerant of white space runs, dash and apostrophe variants. Phrases are data, never
 * regular expressions: every character is escaped.
 */
import { RecentByText } from './recent.js';

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

/**
 * A flat copy of a string. A slice may keep the whole string it was cut from alive; what a
 * cache keeps across versions of a document must not keep every old version's text.
 */
export function detach(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** A text cut just before each "#" that starts a line, with the offset of each piece. */
interface Segments {
  length: number;
  /** Flat strings (never slices of the text), one per piece however many matchers keep it. */
  pieces: string[];
  offsets: number[];
}

let lastText: string | undefined;
let lastSegments: Segments = { length: 0, pieces: [], offsets: [] };
/** The cuts of the texts cut lately (one per document being edited, the latest first), to find an edit's unchanged pieces in. */
const recentCuts: Segments[] = [];
const RECENT_CUTS = 4;
/** Flat copies of the pieces cut lately that were not found in a recent cut, by piece text. */
const flatPieces = new RecentByText<string>();

/**
 * The segments of a text, cut once for every matcher that scans it (the server matches one
 * version's text with several). Each piece is one flat string, shared by every matcher's cache
 * and by the next versions while unchanged, so that a long plan's text is kept once, not once
 * per matcher, and no cache keeps an old version's whole text alive. After an edit the pieces
 * before and after it are those of the last version, found by comparing each with the text at
 * its place (no hashing, no copy), so only the pieces the edit touched are cut afresh.
 */
function segmentsOf(text: string): Segments {
  if (lastText === text) return lastSegments;
  const pieces: string[] = [];
  const offsets: number[] = [];
  const at = recentCuts.findIndex((cut) => cut.pieces.length > 0 && pieceAt(text, cut.pieces[0]!, 0));
  const before = at >= 0 ? recentCuts[at]! : recentCuts.find((cut) => cut.pieces.length > 0 && pieceEndsAt(text, cut));
  let from = 0;
  let k = 0;
  let tail = text.length;
  let j = 0;
  if (before) {
    // The unchanged pieces at the start, then those at the end.
    for (; k < before.pieces.length && pieceAt(text, before.pieces[k]!, from); k++) {
      pieces.push(before.pieces[k]!);
      offsets.push(from);
      from += before.pieces[k]!.length;
    }
    const shift = text.length - before.length;
    for (j = before.pieces.length; j > k; j--) {
      const piece = before.pieces[j - 1]!;
      const start = before.offsets[j - 1]! + shift;
      if (start < from || !cutBefore(text, start) || text.slice(start, start + piece.length) !== piece) break;
      tail = start;
    }
  }
  while (from < tail) {
    let to = text.indexOf('\n#', from);
    to = to < 0 ? tail : Math.min(to + 1, tail);
    const slice = text.slice(from, to);
    let piece = flatPieces.get(slice);
    if (piece === undefined) flatPieces.set((piece = detach(slice)), piece);
    pieces.push(piece);
    offsets.push(from);
    from = to;
  }
  if (before) {
    const shift = text.length - before.length;
    for (; j < before.pieces.length; j++) {
      pieces.push(before.pieces[j]!);
      offsets.push(before.offsets[j]! + shift);
    }
    recentCuts.splice(recentCuts.indexOf(before), 1);
  }
  flatPieces.endUse();
  lastText = text;
  lastSegments = { length: text.length, pieces, offsets };
  recentCuts.unshift(lastSegments);
  if (recentCuts.length > RECENT_CUTS) recentCuts.pop();
  return lastSegments;
}

/** True when text has a cut just before offset: at its start, or a "#" that starts a line. */
function cutBefore(text: string, offset: number): boolean {
  return offset === 0 || (text.charCodeAt(offset - 1) === 10 && text.charCodeAt(offset) === 35);
}

/** True when a piece cut from another text is the piece of text that starts at a cut at offset. */
function pieceAt(text: string, piece: string, offset: number): boolean {
  const end = offset + piece.length;
  if (end > text.length || text.slice(offset, end) !== piece) return false;
  // It ends where the text does, or just before a "#" that starts a line (it ends with its line break).
  return end === text.length || (piece.charCodeAt(piece.length - 1) === 10 && text.charCodeAt(end) === 35);
}

/** True when the last piece of a cut ends the text, as its piece. */
function pieceEndsAt(text: string, cut: Segments): boolean {
  const last = cut.pieces[cut.pieces.length - 1]!;
  const start = text.length - last.length;
  return start >= 0 && cutBefore(text, start) && text.slice(start) === last;
}

/**
 * The hits of a long text, found segment by segment: the text is cut just before each "#"
 * that starts a line, and each segment's hits are remembered by its text, so that after an
 * edit only the segments it touched are scanned again. Exact only for matchers whose hits
 * never cross such a cut (no phrase contains "#").
 */
export class SegmentCache {
  /**
   * Each segment's hits at their places in the text it was last found in (`from`: where the
   * segment started there); kept for the texts matched lately (see RecentByText). The hits
   * are shared by the versions in which the segment did not move, never changed in place.
   */
  private readonly segments = new RecentByText<{ from: number; hits: TermHit[] }>();

  hits(text: string, hitsOf: (segment: string) => TermHit[]): TermHit[] {
    const hits: TermHit[] = [];
    const { pieces, offsets } = segmentsOf(text);
    for (let i = 0; i < pieces.length; i++) {
      const segment = pieces[i]!;
      const from = offsets[i]!;
      let found = this.segments.get(segment);
      if (!found || found.from !== from) {
        // An edit before a segment moves it: its hits are moved (new objects), or found the first time.
        found = { from, hits: found ? moved(found.hits, from - found.from) : moved(hitsOf(segment), from) };
        this.segments.set(segment, found);
      }
      const list = found.hits;
      for (let h = 0; h < list.length; h++) hits.push(list[h]!);
    }
    this.segments.endUse();
    return hits;
  }
}

function moved(hits: readonly TermHit[], by: number): TermHit[] {
  const out = new Array<TermHit>(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    out[i] = by === 0 ? h : { key: h.key, start: h.start + by, end: h.end + by };
  }
  return out;
}

export class TermMatcher {
  private readonly pattern: RegExp | undefined;
  /** Candidate starts: a character that can begin a phrase, not preceded by a word character. */
  private readonly starts: RegExp | undefined;
  /** The same pattern (sticky), restricted to the phrases that can start with one ASCII character. */
  private readonly buckets = new Map<string, RegExp>();
  private readonly sticky: RegExp | undefined;
  readonly keys: ReadonlySet<string>;
  /** Matches by segment text (see allHits), only for matchers whose phrases have no "#". */
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
   * Every phrase occurrence in text, skipping those that overlap an excluded range.
   * `excluded` must be sorted by start.
   */
  match(text: string, excluded: readonly (readonly [number, number])[] = []): TermHit[] {
    const hits: TermHit[] = [];
    if (!this.pattern) return hits;
    const all = this.allHits(text);
    let x = 0;
    for (let i = 0; i < all.length; i++) {
      const hit = all[i]!;
      while (x < excluded.length && excluded[x]![1] <= hit.start) x++;
      if (x < excluded.length && excluded[x]![0] < hit.end) continue;
      hits.push(hit);
    }
    return hits;
  }

  /**
   * Every phrase occurrence in text, before exclusions. A long text is cut into segments just
   * before each "#" that starts a line: no phrase contains "#" (checked), and the pattern's
   * look-behind and look-ahead see the same non-word character at a cut as at the end of the
   * text, so the matches are exactly those of one pass. Each segment's matches are remembered
   * by its text, so after an edit only the segments it touched are scanned again.
   */
  private allHits(text: string): TermHit[] {
    if (text.length < TermMatcher.segmentMin || !this.segmentable) return this.hitsOf(text, 0);
    return this.segments.hits(text, (segment) => this.hitsOf(segment, 0));
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
