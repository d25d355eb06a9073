import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { boundMarkdown, type Simplified } from './bound.js';
import { remarkChunkLabels } from './definitions.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkChunkLabels);

/**
 * Parses Markdown (CommonMark + GFM + YAML front matter) into an mdast tree with offsets, in
 * time linear in the text: structure nested beyond a budget is parsed as plain text (see
 * bound.ts), and the places where that happened are listed in the root's data.
 */
export function parseMarkdown(text: string): Root {
  const bounded = boundMarkdown(text);
  const root = processor.parse(bounded.text);
  if (bounded.simplified.length > 0) root.data = { ...root.data, simplified: bounded.simplified };
  return root;
}

/** Where the parser read the text as plain text because it went past a budget (see bound.ts). */
export function simplifiedIn(root: Root): readonly Simplified[] {
  return (root.data as { simplified?: Simplified[] } | undefined)?.simplified ?? [];
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
