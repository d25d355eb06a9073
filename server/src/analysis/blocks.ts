/**
 * A document cut into blocks for coverage: its top-level chapters (each section under the
 * plan's title, or with no parent, with its subsections), the preamble, and the title's own
 * text. Every part coverage judges (a section, a chapter, a mapped section with its
 * subsections) lies inside one block, so an item's parts are its parts in each block taken in
 * turn. When the title itself is mapped, its mapping reaches over the whole plan, so the title
 * and its chapters are one block.
 *
 * Each block has a key that is the same object in every version of the document where the
 * block is the same: the same section entries (sectionEvidence.ts: the same text, hits and
 * counts), headings and mappings. What is built from a key (itemParts.ts) is therefore built
 * once per version of a block, and an edit builds again only for the block it touched.
 */
import type { CatalogueIndex } from './data/catalogueIndex.js';
import type { DocumentAnalysis } from './model/document.js';
import { evidenceEpoch, ownEvidenceSteps, type OwnEvidence, type SectionEntry } from './sectionEvidence.js';
import type { Steps } from './steps.js';

export interface BlockKey {
  readonly entries: readonly SectionEntry[];
  readonly headings: readonly string[];
  /** The mappings in the block: section (relative to its first), how and item id, one per line. */
  readonly mappings: string;
  /** The block starts with the plan's title (which is never judged as a chapter). */
  readonly title: boolean;
  /** The items (catalogue places, in order) with a term or a mapping in the block. */
  readonly slots: readonly number[];
}

export interface Block {
  /** Indices of its first and last sections. */
  first: number;
  last: number;
  key: BlockKey;
}

export interface DocBlocks {
  own: OwnEvidence;
  blocks: Block[];
  /** For each item (by catalogue place), the indices of the blocks where it has a term or a mapping. */
  bySlot: number[][];
}

/** Keys by their first section's entry: a few per entry (recent versions of the blocks that start with it). */
const keys = new WeakMap<object, WeakMap<SectionEntry, BlockKey[]>>();
const KEYS_PER_ENTRY = 4;
const memo = new WeakMap<DocumentAnalysis, { index: CatalogueIndex; epoch: object; blocks: DocBlocks }>();
const slotsById = new WeakMap<CatalogueIndex, Map<string, number>>();

/** A document's blocks for an index, computed once per version, linear in its sections; in the steps of its sections' evidence (ownEvidenceSteps). */
export function* blocksSteps(doc: DocumentAnalysis, index: CatalogueIndex): Steps<DocBlocks> {
  const epoch = evidenceEpoch(index);
  const known = memo.get(doc);
  if (known?.index === index && known.epoch === epoch) return known.blocks;
  const own = yield* ownEvidenceSteps(doc, index);
  let registry = keys.get(epoch);
  if (!registry) keys.set(epoch, (registry = new WeakMap()));
  const slotOf = slotsOf(index);
  const { sections } = doc.plan;
  const title = sections.find((s) => s.depth === 1);
  const mappings = doc.mappings;
  const titleMapped = title !== undefined && mappings.some((m) => m.section === title.index);
  const blocks: Block[] = [];
  const bySlot: number[][] = index.catalogue.items.map(() => []);
  let m = 0;
  for (let first = 0; first < sections.length; ) {
    const root = sections[first]!;
    let last = first;
    if (root.depth > 0 && (root !== title || titleMapped)) while (last + 1 < sections.length && sections[last + 1]!.start < root.treeEnd) last++;
    let mapped = '';
    for (; m < mappings.length && mappings[m]!.section <= last; m++) mapped += `${mappings[m]!.section - first} ${mappings[m]!.how} ${mappings[m]!.itemId}\n`;
    const key = keyFor(registry, own, doc, first, last, mapped, root === title, slotOf);
    for (const slot of key.slots) bySlot[slot]!.push(blocks.length);
    blocks.push({ first, last, key });
    first = last + 1;
  }
  const result = { own, blocks, bySlot };
  memo.set(doc, { index, epoch, blocks: result });
  return result;
}

/** The key of sections first..last: a remembered one when everything it stands for is the same. */
function keyFor(registry: WeakMap<SectionEntry, BlockKey[]>, own: OwnEvidence, doc: DocumentAnalysis, first: number, last: number, mappings: string, title: boolean, slotOf: ReadonlyMap<string, number>): BlockKey {
  const { entries } = own;
  const { sections } = doc.plan;
  const head = entries[first]!;
  let list = registry.get(head);
  for (const key of list ?? []) {
    if (key.title !== title || key.mappings !== mappings || key.entries.length !== last - first + 1) continue;
    let same = true;
    for (let i = first; same && i <= last; i++) same = key.entries[i - first] === entries[i] && key.headings[i - first] === sections[i]!.heading;
    if (same) return key;
  }
  const slots = new Set<number>();
  for (let i = first; i <= last; i++) for (const slot of entries[i]!.slots) slots.add(slot);
  for (const line of mappings.split('\n')) {
    const slot = slotOf.get(line.slice(line.lastIndexOf(' ') + 1));
    if (slot !== undefined) slots.add(slot);
  }
  const key: BlockKey = {
    entries: entries.slice(first, last + 1),
    headings: sections.slice(first, last + 1).map((s) => s.heading),
    mappings,
    title,
    slots: [...slots].sort((a, b) => a - b),
  };
  if (!list) registry.set(head, (list = []));
  if (list.length >= KEYS_PER_ENTRY) list.shift();
  list.push(key);
  return key;
}

/** Item id -> its place in the catalogue. */
function slotsOf(index: CatalogueIndex): Map<string, number> {
  let slots = slotsById.get(index);
  if (!slots) slotsById.set(index, (slots = new Map(index.catalogue.items.map((item, slot) => [item.id, slot]))));
  return slots;
}
