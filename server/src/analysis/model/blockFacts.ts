/**
 * What the plan model reads from each top-level block of the syntax tree: the ranges that are
 * not prose, the jfp comments and the jfp-disable directives. They are a pure function of the
 * block's subtree and its source, so they are remembered per block node with offsets relative
 * to the block: the incremental parser keeps the nodes of the chunks an edit did not touch
 * (only their positions move), so an edit reads again only the blocks it changed.
 * Pure: no editor or LSP types.
 */
import type { Nodes, RootContent } from 'mdast';
import { endOffset, startOffset, visit } from './markdown.js';
import { scanDirectives, type Directive } from './suppressions.js';
import { scanTags, type Tag } from './tags.js';

/** One thing found in a block, in the order a depth-first visit meets it, offsets relative to the block. */
type Found =
  | { kind: 'excluded'; start: number; end: number }
  | { kind: 'html'; start: number; end: number; tags: Tag[]; directives: Directive[]; annexStart: boolean; annexEnd: boolean };

const byBlock = new WeakMap<RootContent, { length: number; found: Found[] }>();

/** What a block holds, read once per block node (the length checks that the node is the one read). */
function blockFound(block: RootContent, text: string): Found[] {
  const base = startOffset(block);
  const length = endOffset(block) - base;
  const known = byBlock.get(block);
  if (known && known.length === length) return known.found;
  const found: Found[] = [];
  const excluded = (start: number, end: number) => found.push({ kind: 'excluded', start: start - base, end: end - base });
  visit(block, (node: Nodes) => {
    switch (node.type) {
      case 'html': {
        const s = startOffset(node);
        const e = endOffset(node);
        const source = text.slice(s, e);
        found.push({
          kind: 'html',
          start: s - base,
          end: e - base,
          tags: scanTags(source, s - base, 0),
          directives: scanDirectives(source, s - base),
          // The generated coverage annex (formats/annex.ts) is never evidence for itself.
          annexStart: node.value.includes('<!-- jfp-annex:start -->'),
          annexEnd: node.value.includes('<!-- jfp-annex:end -->'),
        });
        break;
      }
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'image':
      case 'imageReference':
        excluded(startOffset(node), endOffset(node));
        break;
      case 'link': {
        // Exclude the target: everything after the link text.
        const last = node.children[node.children.length - 1];
        excluded(last ? endOffset(last) : startOffset(node), endOffset(node));
        break;
      }
      default:
        break;
    }
  });
  byBlock.set(block, { length, found });
  return found;
}

/** What the plan model gathers from the blocks, at their places in the text. */
export interface BlockFacts {
  tags: Tag[];
  directives: Directive[];
  /** Unsorted, in the order found. */
  excluded: [number, number][];
}

/**
 * The ranges, comments and directives of every block, in document order. `sectionOf` gives the
 * section of an offset (for the comments). `excluded` may hold ranges already (front matter).
 */
export function blockFacts(blocks: readonly RootContent[], text: string, sectionOf: (offset: number) => number, excluded: [number, number][]): BlockFacts {
  const tags: Tag[] = [];
  const directives: Directive[] = [];
  let annexStart: number | undefined;
  for (const block of blocks) {
    const base = startOffset(block);
    for (const f of blockFound(block, text)) {
      const s = f.start + base;
      const e = f.end + base;
      excluded.push([s, e]);
      if (f.kind === 'excluded') continue;
      if (f.tags.length > 0) {
        const section = sectionOf(s);
        for (const tag of f.tags) tags.push(moveTag(tag, base, section));
      }
      for (const d of f.directives) directives.push({ kind: d.kind, codes: d.codes, start: d.start + base, end: d.end + base });
      if (f.annexStart) annexStart ??= s;
      if (f.annexEnd && annexStart !== undefined) {
        excluded.push([annexStart, e]);
        annexStart = undefined;
      }
    }
  }
  return { tags, directives, excluded };
}

function moveTag(tag: Tag, by: number, section: number): Tag {
  return { ...tag, ids: tag.ids.map((id) => ({ id: id.id, start: id.start + by, end: id.end + by })), start: tag.start + by, end: tag.end + by, section };
}
