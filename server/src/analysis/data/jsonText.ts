/**
 * JSON text from the workspace (.jfp.json, extra catalogues), read within limits: a size
 * and a nesting depth checked by one linear scan before any parser sees the text (the
 * parsers and the schema validator recurse, so a deeply nested file would otherwise end the
 * server with a stack overflow), and a lookup of the node at a JSON pointer that indexes
 * each object once, so placing many problems costs linear time, not a scan of the object
 * per problem.
 */
import type { Node } from 'jsonc-parser';

/** The largest .jfp.json read, in characters; a real one is a few hundred. */
export const MAX_CONFIG_CHARS = 1024 * 1024;
/** The deepest nesting of arrays and objects read; the schemas need at most 5. */
export const MAX_JSON_DEPTH = 32;
/** The most problems listed for one file; the rest are counted in one more. */
export const MAX_LISTED_PROBLEMS = 100;

/** Why a JSON text is not read, and where: too large, or nested too deep. Undefined when it may be parsed. */
export function jsonLimitProblem(text: string, maxChars: number): { offset: number; message: string } | undefined {
  if (text.length > maxChars) return { offset: 0, message: `it is ${Math.ceil(text.length / 1024)} KB, over the limit of ${maxChars / 1024} KB` };
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x2f /* / */ && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === 0x2f && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_JSON_DEPTH) return { offset: i, message: `arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep here` };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}

/** The node at a path in a parsed tree, each object's properties indexed on first use (first of duplicate keys, as jsonc-parser's findNodeAtLocation). */
export class JsonNodeIndex {
  private readonly objects = new WeakMap<Node, Map<string, Node>>();
  constructor(readonly root: Node) {}

  find(path: readonly (string | number)[]): Node | undefined {
    let node: Node | undefined = this.root;
    for (const segment of path) {
      if (!node) return undefined;
      if (node.type === 'array' && typeof segment === 'number') node = node.children?.[segment];
      else if (node.type === 'object') node = this.properties(node).get(String(segment));
      else return undefined;
    }
    return node;
  }

  private properties(object: Node): Map<string, Node> {
    let map = this.objects.get(object);
    if (!map) {
      map = new Map();
      for (const p of object.children ?? []) {
        const [key, value] = p.children ?? [];
        if (key && value && !map.has(String(key.value))) map.set(String(key.value), value);
      }
      this.objects.set(object, map);
    }
    return map;
  }
}

/** A JSON pointer ("/items/3/id") as a path (["items", 3, "id"]). */
export function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
}
