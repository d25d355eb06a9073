/**
 * One item's coverage across the documents of a plan, reused from an earlier computation when
 * what it is judged from did not change. An item's parts are its parts in each block of each
 * document (blocks.ts, itemParts.ts); the pieces (the blocks with parts of the item, in order)
 * decide its status, its key elements and which parts are shown, through what each part's
 * evidence holds (its terms, elements, counts and verdict) and where parts lie relative to
 * each other in their block. When the pieces are the same objects as last time, or hold parts
 * equal in all of that (a block the edit touched where the item's evidence did not change),
 * the earlier judgement stands: only what is shown of a part in a block the edit touched, or
 * that moved to other lines, is read again from the current version. Else the item is judged
 * afresh (itemStatus.ts). Either way the result equals a computation from scratch.
 */
import { isCounted, isStatutory } from './data/catalogue.js';
import type { ItemTerms } from './data/catalogueIndex.js';
import type { Block, DocBlocks } from './blocks.js';
import { quoteRemembered } from './evidence.js';
import type { PartEvidence } from './itemEvidence.js';
import { blockItemParts, placed, waiverIn, type BlockItemParts, type Part, type RelPart } from './itemParts.js';
import { judge } from './itemStatus.js';
import type { Scoring } from './scoring.js';
import type { DocumentAnalysis } from './model/document.js';
import type { Evidence, ItemCoverage, PlanMode } from './types.js';

/** A block of one of the documents (by its place in the plan) with parts of the item. */
interface Piece {
  doc: number;
  block: Block;
  parts: BlockItemParts;
}

/** Where a shown part comes from: a piece, one of its three runs of parts, and the place in it. */
interface Ref {
  piece: number;
  run: number;
  at: number;
}

interface Remembered {
  scoring: Readonly<Scoring>;
  uris: readonly string[];
  pieces: Piece[];
  judged: { status: ItemCoverage['status']; started: boolean; elements: ItemCoverage['elements'] };
  evidence: Evidence[];
  refs: Ref[];
  /** The line each shown part's block starts on, by piece. */
  lines: Map<number, number>;
}

/** The last few results per item, kept under the section evidence they were built from (see evidenceEpoch). */
const remembered = new WeakMap<object, Map<string, Remembered[]>>();
const PER_ITEM = 3;
const RUNS = ['mapped', 'terms', 'chapters'] as const;

export interface ItemContext {
  docs: readonly DocumentAnalysis[];
  blocks: readonly DocBlocks[];
  order: ReadonlyMap<DocumentAnalysis, number>;
  epoch: object;
  mode: PlanMode;
  scoring: Readonly<Scoring>;
}

/** The coverage of the item at `slot` in the catalogue. */
export function itemResult(context: ItemContext, terms: ItemTerms, slot: number): ItemCoverage {
  const { docs, scoring } = context;
  const { item } = terms;
  const pieces: Piece[] = [];
  docs.forEach((doc, d) => {
    const docBlocks = context.blocks[d]!;
    for (const b of docBlocks.bySlot[slot]!) {
      const parts = blockItemParts(doc, docBlocks, b, terms, slot, scoring);
      if (parts.mapped.length + parts.terms.length + parts.chapters.length > 0) pieces.push({ doc: d, block: docBlocks.blocks[b]!, parts });
    }
  });
  let byItem = remembered.get(context.epoch);
  if (!byItem) remembered.set(context.epoch, (byItem = new Map()));
  const list = byItem.get(item.id) ?? [];
  const uris = docs.map((d) => d.uri);
  const earlier = list.find((r) => r.scoring === scoring && r.uris.length === uris.length && r.uris.every((u, i) => u === uris[i]) && samePieces(r.pieces, pieces));
  const now = earlier ? again(context, earlier, pieces, terms) : afresh(context, pieces, terms);
  byItem.set(item.id, [now, ...list.filter((r) => r !== earlier)].slice(0, PER_ITEM));

  let waiver: ItemCoverage['waiver'];
  for (const doc of docs) waiver ??= waiverIn(doc, item.id);
  // A statutory duty or requirement cannot be waived: the waiver is shown, the status stays.
  const statutory = isStatutory(item);
  const status = waiver && !statutory ? 'waived' : now.judged.status;
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    counted: isCounted(item) && (item.modes === undefined || item.modes.includes(context.mode)),
    status,
    evidence: now.evidence,
    elements: { ...now.judged.elements, missing: [...now.judged.elements.missing] },
    ...(status === 'missing' && now.judged.started ? { started: true } : {}),
    ...(waiver ? { waiver: statutory ? { ...waiver, notMet: true } : waiver } : {}),
  };
}

/** The item judged from its parts. */
function afresh(context: ItemContext, pieces: Piece[], terms: ItemTerms): Remembered {
  const { docs } = context;
  const parts: Part[] = [];
  const refs = new Map<Part, Ref>();
  // A document's parts: its mapped sections, then its sections, then its chapters (see itemParts.ts).
  for (let from = 0; from < pieces.length; ) {
    let to = from;
    while (to < pieces.length && pieces[to]!.doc === pieces[from]!.doc) to++;
    const doc = docs[pieces[from]!.doc]!;
    RUNS.forEach((run, r) => {
      for (let i = from; i < to; i++) {
        pieces[i]!.parts[run].forEach((rel, at) => {
          const part = placed(doc, pieces[i]!.block, rel);
          parts.push(part);
          refs.set(part, { piece: i, run: r, at });
        });
      }
    });
    from = to;
  }
  const { keyElements } = terms.item;
  const judged = judge(parts, keyElements.length, context.order, context.scoring);
  const missing = keyElements.filter((_, i) => !judged.found.has(i)).map((e) => e.label);
  const shownRefs = judged.shown.map((p) => refs.get(p)!);
  const lines = new Map<number, number>();
  for (const ref of shownRefs) if (!lines.has(ref.piece)) lines.set(ref.piece, blockLine(context, pieces[ref.piece]!));
  return {
    scoring: context.scoring,
    uris: docs.map((d) => d.uri),
    pieces,
    judged: { status: judged.status, started: judged.started, elements: { covered: keyElements.length - missing.length, total: keyElements.length, missing } },
    evidence: judged.shown.map((p) => toEvidence(p, terms)),
    refs: shownRefs,
    lines,
  };
}

/** The earlier judgement with the current pieces: what is shown is read again where the block changed or moved to other lines. */
function again(context: ItemContext, earlier: Remembered, pieces: Piece[], terms: ItemTerms): Remembered {
  const lines = new Map<number, number>();
  const evidence = earlier.refs.map((ref, k) => {
    const piece = pieces[ref.piece]!;
    let line = lines.get(ref.piece);
    if (line === undefined) lines.set(ref.piece, (line = blockLine(context, piece)));
    const before = earlier.evidence[k]!;
    if (piece.block.key === earlier.pieces[ref.piece]!.block.key && line === earlier.lines.get(ref.piece)) return copy(before);
    const rel: RelPart = piece.parts[RUNS[ref.run]!][ref.at]!;
    return toEvidence(placed(context.docs[piece.doc]!, piece.block, rel), terms);
  });
  return { ...earlier, pieces, evidence, lines };
}

/** A copy of what toEvidence made (its fields only: a caller may have added others to the one it was given). */
function copy(e: Evidence): Evidence {
  const { uri, heading, line, endLine, how, terms, strength, quote } = e;
  return { uri, heading, line, endLine, how, terms: [...terms], strength, ...(quote !== undefined ? { quote } : {}) };
}

/** True when two lists of pieces judge an item the same (see the file's comment). */
function samePieces(a: readonly Piece[], b: readonly Piece[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.doc !== y.doc || (x.parts !== y.parts && printOf(x.parts) !== printOf(y.parts))) return false;
  }
  return true;
}

const prints = new WeakMap<BlockItemParts, string>();
const evidencePrints = new WeakMap<PartEvidence, string>();

/** What an item's judgement reads of its parts in a block, as text (not where the quoted hit is: a quote is read again). */
function printOf(parts: BlockItemParts): string {
  let print = prints.get(parts);
  if (print === undefined) {
    print = RUNS.map((run) => parts[run].map((p) => `${p.root} ${p.endBefore} ${p.tree} ${p.how} ${p.verdict} ${evidencePrint(p.evidence)}`).join('\n')).join('\u0002');
    prints.set(parts, print);
  }
  return print;
}

function evidencePrint(e: PartEvidence): string {
  let print = evidencePrints.get(e);
  if (print === undefined) {
    print = [[...e.specific].join('\u0001'), [...e.topic].join('\u0001'), [...e.generic].join('\u0001'), [...e.elements].join(','), `${e.together} ${e.sentencesWith} ${e.words} ${e.sentences}`].join('\u0000');
    evidencePrints.set(e, print);
  }
  return print;
}

/** The line a piece's block starts on in the current version. */
function blockLine(context: ItemContext, piece: Piece): number {
  const { plan } = context.docs[piece.doc]!;
  return plan.lines.positionAt(plan.sections[piece.block.first]!.start).line;
}

/** The terms an evidence shows, as the catalogue writes them (by evidence object: an unchanged section's are not listed again). */
const shownTerms = new WeakMap<PartEvidence, string[]>();

function toEvidence(p: Part, terms: ItemTerms): Evidence {
  const { lines } = p.doc.plan;
  const e = p.evidence;
  let shown = shownTerms.get(e);
  if (!shown) {
    shown = [...new Set([...e.specific, ...e.topic, ...e.generic].map((k) => terms.display.get(k) ?? k))];
    shownTerms.set(e, shown);
  }
  // The range ends on the last line that has content, not on the next heading's line.
  const line = lines.positionAt(p.root.start).line;
  const endLine = Math.max(line, lines.positionAt(Math.max(p.root.start, p.end - 1)).line);
  const best = e.best && { key: e.best.key, start: e.best.start + p.base, end: e.best.end + p.base };
  return {
    uri: p.doc.uri,
    heading: p.root.heading,
    line,
    endLine,
    how: p.how,
    terms: [...shown],
    strength: p.verdict === 'addressed' ? 'strong' : 'weak',
    ...(best ? { quote: quoteRemembered(p.doc.plan, best, [p.root.start, p.end]) } : {}),
  };
}
