/**
 * Matching of catalogue phrases by word stems (issue 13): "involve", "involving" and
 * "involvement" are one word here, and so are "integrate", "integrated" and "integration".
 * Text and phrases are cut into words, each word reduced to its Porter stem (the `stemmer`
 * package), and phrases are found as runs of stems. Every phrase is found at every word where
 * it starts, so a longer phrase never hides a shorter one inside it: "research and innovation"
 * is also "research" and "innovation". One pass over the text, linear in its length.
 */
import { stemmer } from 'stemmer';
import { detach, SegmentCache, type TermHit } from './terms.js';
import type { Steps } from '../steps.js';

/** A word of text: its stem and where it is. */
export interface Word {
  stem: string;
  start: number;
  end: number;
  /** True when the characters between the previous word and this one may sit inside a phrase. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2018\u2019\u02bc][\p{L}]+)*/gu;
/** What may stand between two words of one phrase: spaces, dashes, emphasis marks, quotes, "&" and "/". */
const JOINER = /^[ ,\t\r\n\u00a0\u2010-\u2015\u2212*_&/'"\u2018\u2019\u201c\u201d+-]*$/;

const STEMS = new Map<string, string>();

/** The stem of one lower-case word: possessive dropped, then the Porter stem. */
export function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    const bare = word.replace(/['\u2018\u2019\u02bc]s$/, '').replace(/['\u2018\u2019\u02bc]/g, "'");
    stem = /\p{N}/u.test(bare) || bare.length <= 2 ? bare : stemmer(bare);
    if (STEMS.size > 50_000) STEMS.clear();
    STEMS.set(detach(word), stem);
  }
  return stem;
}

/** The words of a text, in order. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let last = -1;
  for (const m of text.matchAll(WORD)) {
    const gap = last < 0 ? '' : text.slice(last, m.index);
    out.push({ stem: stemOf(m[0].toLowerCase()), start: m.index, end: m.index + m[0].length, joined: last >= 0 && JOINER.test(gap) && !/\n[ \t]*\n/.test(gap) });
    last = m.index + m[0].length;
  }
  return out;
}

/** The key under which a phrase and its inflected forms are found: its stems, space-separated. */
export function stemKey(phrase: string): string {
  return words(phrase)
    .map((w) => w.stem)
    .join(' ');
}

interface Node {
  next: Map<string, Node>;
  key?: string;
}

export class StemMatcher {
  private readonly root: Node = { next: new Map() };
  /** Stem key of every phrase. */
  readonly keys: ReadonlySet<string>;
  private readonly segments = new SegmentCache();
  /** Texts shorter than this are matched in one pass, without the segment cache. */
  static segmentMin = 20_000;

  constructor(phrases: Iterable<string>) {
    const keys = new Set<string>();
    for (const phrase of phrases) {
      const stems = words(phrase).map((w) => w.stem);
      if (stems.length === 0) continue;
      let node = this.root;
      for (const s of stems) {
        let child = node.next.get(s);
        if (!child) node.next.set(s, (child = { next: new Map() }));
        node = child;
      }
      node.key = stems.join(' ');
      keys.add(node.key);
    }
    this.keys = keys;
  }

  /**
   * Every phrase occurrence, skipping those that overlap an excluded range (sorted by start).
   * A long text is matched segment by segment (see SegmentCache): "#" never joins two words
   * of a phrase, so the hits are those of one pass.
   */
  /** Finds the hits of a long text's segments not known yet, a few per step, so that match() then costs little (the server's first analysis of a long plan). */
  *prepare(text: string): Steps<void> {
    if (text.length >= StemMatcher.segmentMin) yield* this.segments.prepare(text, (segment) => this.hitsOf(segment));
  }

  match(text: string, excluded: readonly (readonly [number, number])[] = []): TermHit[] {
    if (text.length >= StemMatcher.segmentMin) return this.segments.hitsOutside(text, excluded, (segment) => this.hitsOf(segment));
    const hits: TermHit[] = [];
    const all = this.hitsOf(text);
    let x = 0;
    for (let i = 0; i < all.length; i++) {
      const hit = all[i]!;
      while (x < excluded.length && excluded[x]![1] <= hit.start) x++;
      // Hits are sorted by start, but a long one may reach past a later range: check forward.
      let overlaps = false;
      for (let y = x; y < excluded.length && excluded[y]![0] < hit.end; y++) {
        if (excluded[y]![1] > hit.start) overlaps = true;
      }
      if (!overlaps) hits.push(hit);
    }
    return hits;
  }

  private hitsOf(text: string): TermHit[] {
    const list = words(text);
    const hits: TermHit[] = [];
    for (let i = 0; i < list.length; i++) {
      let node = this.root.next.get(list[i]!.stem);
      for (let j = i; node; ) {
        if (node.key !== undefined) hits.push({ key: node.key, start: list[i]!.start, end: list[j]!.end });
        j++;
        if (j >= list.length || !list[j]!.joined) break;
        node = node.next.get(list[j]!.stem);
      }
    }
    return hits;
  }
}
