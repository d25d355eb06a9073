/**
 * Term matching segment by segment: a long text is cut just before each "#" that starts a line,
 * and each segment's hits are remembered by its text, so that after an edit only the segments
 * it touched are scanned again (see TermMatcher.match). Exact only for matchers whose hits never
 * cross such a cut.
 */
import { detach, RecentByText } from './recent.js';
import type { TermHit } from './terms.js';
import type { Steps } from '../steps.js';

/** A text cut just before each "#" that starts a line, with the offset of each piece. */
interface Segments {
  length: number;
  /** Flat strings (never slices of the text), one per piece however many matchers keep it. */
  pieces: string[];
  offsets: number[];
}

/** Segments matched afresh per step of SegmentCache.prepare. */
const PREPARED_PER_STEP = 32;

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
    return this.hitsOutside(text, [], hitsOf);
  }

  /**
   * The hits outside the excluded ranges (sorted by start): a hit that overlaps one is dropped.
   * The hits of a segment no range meets are taken as a whole (one copy of the array, not a
   * check per hit).
   */
  /**
   * Finds the hits of the segments of the text not known yet, PREPARED_PER_STEP segments per step
   * (the language server's first analysis of a long plan), so that hitsOutside then finds every one known.
   */
  *prepare(text: string, hitsOf: (segment: string) => TermHit[]): Steps<void> {
    const { pieces, offsets } = segmentsOf(text);
    let found = 0;
    for (let i = 0; i < pieces.length; i++) {
      if (this.segments.get(pieces[i]!)) continue;
      this.segments.set(pieces[i]!, { from: offsets[i]!, hits: moved(hitsOf(pieces[i]!), offsets[i]!) });
      if (++found % PREPARED_PER_STEP === 0) yield;
    }
  }

  hitsOutside(text: string, excluded: readonly (readonly [number, number])[], hitsOf: (segment: string) => TermHit[]): TermHit[] {
    const parts: TermHit[][] = [];
    const { pieces, offsets } = segmentsOf(text);
    let x = 0;
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
      if (list.length === 0) continue;
      // Ranges that end before the segment meet none of its hits, nor any later one's.
      while (x < excluded.length && excluded[x]![1] <= from) x++;
      if (x >= excluded.length || excluded[x]![0] >= from + segment.length) {
        parts.push(list);
        continue;
      }
      const kept: TermHit[] = [];
      for (let h = 0; h < list.length; h++) {
        const hit = list[h]!;
        while (x < excluded.length && excluded[x]![1] <= hit.start) x++;
        // Ranges are sorted by start, but a long one may reach past a later one: check forward.
        let overlaps = false;
        for (let y = x; y < excluded.length && excluded[y]![0] < hit.end && !overlaps; y++) overlaps = excluded[y]![1] > hit.start;
        if (!overlaps) kept.push(hit);
      }
      parts.push(kept);
    }
    this.segments.endUse();
    return joined(parts);
  }
}

/** The arrays joined into one: concat copies each whole, faster than pushing item by item. */
function joined(parts: TermHit[][]): TermHit[] {
  let out: TermHit[] = [];
  // In batches: a call takes a bounded number of arguments.
  for (let i = 0; i < parts.length; i += 8192) out = out.concat(...parts.slice(i, i + 8192));
  return out;
}

function moved(hits: readonly TermHit[], by: number): TermHit[] {
  const out = new Array<TermHit>(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    out[i] = by === 0 ? h : { key: h.key, start: h.start + by, end: h.end + by };
  }
  return out;
}
