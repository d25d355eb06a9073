/**
 * Positions in a converted plan, in the terms of the Word or PDF document it came from: the
 * heading above, and the paragraph under that heading (list items count as paragraphs, a
 * table counts as one), with the page for a PDF. Markdown line numbers mean nothing to
 * someone holding the Word file.
 */
import { partitionPoint } from '../analysis/text/partition.js';
import type { Nodes } from 'mdast';
import { parseMarkdown, plainText } from '../analysis/model/markdown.js';

/** One block of the converted Markdown: 0-based lines, and where it is in the source. */
export interface BlockLocation {
  line: number;
  endLine: number;
  /** The heading above (the block's own text for a heading); '' before the first heading. */
  heading: string;
  /** 0 for the heading itself; 1, 2... for paragraphs under it. */
  paragraph: number;
  /** 'table' for a table, else 'paragraph' (or 'heading'). */
  what: 'heading' | 'paragraph' | 'table';
  /** PDF only: the 1-based page the block starts on. */
  page?: number;
}

/** The blocks of a converted Markdown text, in order (front matter is skipped). */
/** `pageOfBlock`: the page of the i-th block (list items are blocks), for a PDF. */
export function locateBlocks(markdown: string, pageOfBlock?: (index: number) => number | undefined): BlockLocation[] {
  const root = parseMarkdown(markdown);
  const out: BlockLocation[] = [];
  let heading = '';
  let paragraph = 0;
  const push = (node: Nodes, what: BlockLocation['what']) => {
    const line = (node.position?.start.line ?? 1) - 1;
    const page = pageOfBlock?.(out.length);
    out.push({ line, endLine: (node.position?.end.line ?? 1) - 1, heading, paragraph, what, ...(page ? { page } : {}) });
  };
  for (const node of root.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      heading = plainText(node).trim();
      paragraph = 0;
      push(node, 'heading');
    } else if (node.type === 'list') {
      for (const item of node.children) {
        paragraph++;
        push(item, 'paragraph');
      }
    } else {
      paragraph++;
      push(node, node.type === 'table' ? 'table' : 'paragraph');
    }
  }
  return out;
}

/** The block holding a 0-based line of the converted text (the nearest one before it). */
export function blockAt(blocks: readonly BlockLocation[], line: number): BlockLocation | undefined {
  return blocks[partitionPoint(blocks, (b) => b.line <= line) - 1] ?? blocks[0];
}

/** A position in the reader's terms, e.g. `heading "Joining up care", paragraph 3` or `page 4, heading "Workforce"`. */
export function describeLocation(b: BlockLocation | undefined): string {
  if (!b) return 'start of the document';
  const page = b.page ? `page ${b.page}, ` : '';
  const under = b.heading ? `heading "${b.heading}"` : 'before the first heading';
  if (b.what === 'heading') return `${page}${under}`;
  return `${page}${under}, ${b.what === 'table' ? `table (paragraph ${b.paragraph})` : `paragraph ${b.paragraph}`}`;
}

/** describeLocation of the block at a 0-based line. */
export function describeLine(blocks: readonly BlockLocation[], line: number): string {
  return describeLocation(blockAt(blocks, line));
}
