/**
 * What a rule finds in each top-level block of a document (a paragraph, list, table...),
 * remembered per syntax tree node: the incremental parser keeps the nodes of every chunk an
 * edit did not touch (only their positions move), so after an edit a rule reads again only
 * the blocks it changed. What is remembered is the rule's own, a pure function of the block:
 * places relative to the block's start, and what the message is made from (never the message,
 * which is written when reported).
 */
import type { Root, RootContent } from 'mdast';
import { endOffset, startOffset } from '../model/markdown.js';

/** A place in the document, with what a rule needs to report it. */
export interface Place {
  start: number;
  end: number;
}

/** A rule's memory of blocks: per node, its length when read (a check) and what was found in it. */
export type BlockMemory<T extends Place> = WeakMap<RootContent, { length: number; found: readonly T[] }>;

/** Every place `find` finds in the document's blocks, in order (`find` gets a block and gives places in document offsets). */
export function inBlocks<T extends Place>(memory: BlockMemory<T>, root: Root, find: (block: RootContent) => T[]): T[] {
  const out: T[] = [];
  for (const block of root.children) {
    const base = startOffset(block);
    const length = endOffset(block) - base;
    let known = memory.get(block);
    if (!known || known.length !== length) {
      known = { length, found: find(block).map((p) => ({ ...p, start: p.start - base, end: p.end - base })) };
      memory.set(block, known);
    }
    for (const p of known.found) out.push({ ...p, start: p.start + base, end: p.end + base });
  }
  return out;
}
