/**
 * How an item's parts (itemParts.ts) become its status: a part that addresses the item and is
 * not inside another one makes it addressed; otherwise a part that mentions it makes it
 * partly covered; which parts are shown as evidence, and the key elements found.
 */
import { partitionPoint } from './text/partition.js';
import type { Part } from './itemParts.js';
import { evidenceScore, type Scoring } from './scoring.js';
import type { DocumentAnalysis } from './model/document.js';
import type { ItemCoverage } from './types.js';

export interface Judged {
  status: Exclude<ItemCoverage['status'], 'waived'>;
  /** The parts shown as evidence, in the order shown. */
  shown: Part[];
  /** Indices of the key elements found. */
  found: Set<number>;
  /** Some part only starts the item (a mapped section without content yet). */
  started: boolean;
}

/** The status of an item from its parts (documents in `order`; a document's parts in the order itemParts.ts gives them). */
export function judge(parts: readonly Part[], elements: number, order: ReadonlyMap<DocumentAnalysis, number>, scoring: Readonly<Scoring>): Judged {
  const strong = withoutNested(
    parts.filter((p) => p.verdict === 'addressed'),
    order,
  );
  const inStrong = insideOneOf(strong, order);
  // In order of their score, highest first, where that order is shown.
  const weak = parts.filter((p) => p.verdict === 'partial' && !inStrong(p));
  const started = parts.filter((p) => p.verdict === 'started');
  const status = strong.length > 0 ? 'addressed' : weak.length > 0 ? 'partial' : 'missing';
  const shown = status === 'addressed' ? [...strong, ...byScore(weak.filter((p) => p.how !== 'terms'), scoring)] : status === 'partial' ? byScore(weak, scoring) : started;
  const found = new Set<number>();
  for (const p of [...strong, ...weak]) {
    if (found.size === elements) break;
    for (const i of p.evidence.elements) found.add(i);
  }
  return { status, shown, found, started: started.length > 0 };
}

/** The parts by their evidence's score, highest first (in their order when equal); each score read once. */
function byScore(parts: readonly Part[], scoring: Readonly<Scoring>): Part[] {
  const scores = parts.map((p) => evidenceScore(p.evidence, scoring));
  return parts
    .map((_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .map((i) => parts[i]!);
}

/** Parts in document order, then by start, the longer first, then in their order: a part is inside one before it. */
function byPlace(parts: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): number[] {
  return parts.map((_, i) => i).sort((a, b) => order.get(parts[a]!.doc)! - order.get(parts[b]!.doc)! || parts[a]!.root.start - parts[b]!.root.start || parts[b]!.end - parts[a]!.end || a - b);
}

/**
 * The parts not inside another (of two with the same range, the first is kept): one sweep in
 * the order of byPlace, where a part is inside another exactly when one before it ends at or
 * after its end.
 */
export function withoutNested(parts: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): Part[] {
  const nested = new Uint8Array(parts.length);
  let doc: DocumentAnalysis | undefined;
  let end = -Infinity;
  for (const i of byPlace(parts, order)) {
    const p = parts[i]!;
    if (p.doc !== doc) [doc, end] = [p.doc, -Infinity];
    if (end >= p.end) nested[i] = 1;
    end = Math.max(end, p.end);
  }
  return parts.filter((_, i) => nested[i] === 0);
}

/** A test for "this part lies inside one of `outer`", by a binary search in them sorted with the furthest end so far. */
export function insideOneOf(outer: readonly Part[], order: ReadonlyMap<DocumentAnalysis, number>): (p: Part) => boolean {
  const sorted = byPlace(outer, order).map((i) => outer[i]!);
  const reach: number[] = [];
  sorted.forEach((p, k) => reach.push(k > 0 && sorted[k - 1]!.doc === p.doc ? Math.max(reach[k - 1]!, p.end) : p.end));
  return (p) => {
    const at = order.get(p.doc)!;
    const k = partitionPoint(sorted, (o) => order.get(o.doc)! < at || (order.get(o.doc) === at && o.root.start <= p.root.start)) - 1;
    return k >= 0 && sorted[k]!.doc === p.doc && reach[k]! >= p.end;
  };
}
