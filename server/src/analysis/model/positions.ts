/**
 * Positions of a chunk's tree moved in place when the chunk moves (incremental.ts). Pure: no
 * editor or LSP types.
 */
import type { Nodes, Root } from 'mdast';

type Point = { line: number; column: number; offset?: number | undefined };

/**
 * Moves a point in place. Shifting allocates nothing: a moved chunk's nodes keep their position
 * objects, so moving every node after an edit costs a walk, not three new objects per node and
 * their garbage. Safe because no two nodes share a point (ownPoints) and nothing keeps a
 * position object apart from its node (a tree is valid only until the next parse).
 */
export function shiftPoint(p: Point, offset: number, line: number): void {
  p.line += line;
  p.offset = (p.offset ?? 0) + offset;
}

/** Moves a node and its descendants by offset and line, in place. */
export function shiftNode(node: Nodes, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    shiftPoint(position.start, offset, line);
    shiftPoint(position.end, offset, line);
  }
  if ('children' in node) {
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) shiftNode(children[i]!, offset, line);
  }
}

/**
 * Gives every node of a freshly parsed tree its own position and point objects, copying any
 * that are shared (mdast-util-from-markdown makes them afresh for each node today), so that
 * shifting in place moves each point once. Linear in the tree, done once per parsed chunk.
 */
export function ownPoints(root: Root): void {
  const seen = new Set<object>();
  const own = (node: Nodes) => {
    let position = node.position;
    if (position) {
      if (seen.has(position)) node.position = position = { ...position };
      seen.add(position);
      if (seen.has(position.start)) position.start = { ...position.start };
      seen.add(position.start);
      if (seen.has(position.end)) position.end = { ...position.end };
      seen.add(position.end);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) own(child);
  };
  own(root);
}
