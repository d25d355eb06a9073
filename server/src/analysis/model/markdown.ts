import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkChunkLabels } from './definitions.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkChunkLabels);

/** Parses Markdown (CommonMark + GFM + YAML front matter) into an mdast tree with offsets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Plain text of a node: the values of its text-like descendants. */
export function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html' && node.type !== 'yaml') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Depth-first visit of every node. */
export function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, fn);
}
