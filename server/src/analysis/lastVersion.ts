/**
 * What a cache kept per section of a document's last version, carried over to the sections of
 * the next version that have the same text, found without hashing that text: an edit leaves
 * the text before it and after it alone, so a section wholly in the common start of the two
 * texts, or wholly in their common end, is unchanged (it only moved by the edit's length).
 * Finding the common start and end compares the two texts a block of characters at a time.
 * The caller still checks what else its value was computed from (hits, excluded ranges), as
 * it does for a value found by text.
 */
import { partitionPoint } from './text/partition.js';
import type { Section } from './model/plan.js';

interface Version<V> {
  text: string;
  sections: readonly Section[];
  values: readonly (V | undefined)[];
}

/** How many documents' last versions are kept (the least recently seen goes first). */
const DOCUMENTS = 16;
const BLOCK = 8192;

export class LastVersions<V> {
  private readonly byUri = new Map<string, Version<V>>();

  /** For each section of the new version, the value kept for the same text in the last version of the document, if any. */
  carried(uri: string, text: string, sections: readonly Section[]): (V | undefined)[] {
    const last = this.byUri.get(uri);
    const carried: (V | undefined)[] = new Array<V | undefined>(sections.length);
    if (!last) return carried;
    const { start, end } = commonEnds(last.text, text);
    const shift = text.length - last.text.length;
    for (const s of sections) {
      let from: number;
      if (s.end <= start) from = s.start;
      else if (s.start >= text.length - end) from = s.start - shift;
      else continue;
      // An empty preamble starts where the first section does: the next one is tried too.
      for (let i = partitionPoint(last.sections, (o) => o.start < from); i < last.sections.length && last.sections[i]!.start === from; i++) {
        const old = last.sections[i]!;
        if (old.end - old.start === s.end - s.start && old.headingEnd - old.start === s.headingEnd - s.start && old.depth === s.depth) {
          carried[s.index] = last.values[i];
          break;
        }
      }
    }
    return carried;
  }

  /** Keeps a version's values (one per section) for the next version of the document. */
  remember(uri: string, text: string, sections: readonly Section[], values: readonly (V | undefined)[]): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, { text, sections, values });
    if (this.byUri.size > DOCUMENTS) this.byUri.delete(this.byUri.keys().next().value!);
  }
}

let lastPair: { a: string; b: string; ends: { start: number; end: number } } | undefined;

/**
 * The common start of two versions of a text and their common end after it. Remembered for the
 * last pair asked (by identity): after an edit the parser and each cache of sections ask it
 * of the same two versions.
 */
export function commonEnds(a: string, b: string): { start: number; end: number } {
  if (lastPair?.a !== a || lastPair.b !== b) {
    const start = commonStart(a, b);
    lastPair = { a, b, ends: { start, end: commonEnd(a, b, start) } };
  }
  return { ...lastPair.ends };
}

/** The length of the longest common start of two texts. */
export function commonStart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  while (at + BLOCK <= n && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < n && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the longest common end of two texts that does not overlap a common start of length `start`. */
export function commonEnd(a: string, b: string, start: number): number {
  const n = Math.min(a.length, b.length) - start;
  let k = 0;
  while (k + BLOCK <= n && a.slice(a.length - k - BLOCK, a.length - k) === b.slice(b.length - k - BLOCK, b.length - k)) k += BLOCK;
  while (k < n && a.charCodeAt(a.length - k - 1) === b.charCodeAt(b.length - k - 1)) k++;
  return k;
}
