/**
 * The plain text of a Markdown paragraph, for the readability measures: inline markup is
 * read as its plain text (a link counts as its text, inline code as one word), and every
 * character keeps its offset in the source, so that findings point at the right place.
 */
import type { Nodes, Paragraph } from 'mdast';
import { endOffset, startOffset } from '../model/markdown.js';

/** The plain text of a paragraph; offsets[i] is the source offset of text[i]. */
export interface Prose {
  text: string;
  offsets: number[];
  /** Source offsets of the paragraph. */
  start: number;
  end: number;
}

/** Reads a paragraph as plain text, remembering where each character came from. */
export function proseOf(paragraph: Paragraph, source: string): Prose {
  let text = '';
  const offsets: number[] = [];
  const push = (value: string, at: number) => {
    for (let i = 0; i < value.length; i++) offsets.push(at);
    text += value;
  };
  /** Appends a text node's value, aligning it with its source (escapes, entities and indentation differ). */
  const pushAligned = (value: string, from: number, to: number) => {
    let p = from;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      let q = p;
      const limit = Math.min(to, p + 64);
      while (q < limit && source[q] !== ch) q++;
      if (q < limit) {
        offsets.push(q);
        p = q + 1;
      } else {
        offsets.push(Math.min(p, Math.max(from, to - 1)));
      }
      text += ch;
    }
  };
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'text':
        pushAligned(node.value, startOffset(node), endOffset(node));
        break;
      case 'inlineCode':
        // Code is not prose: it counts as a single word, whatever it contains.
        push('x', startOffset(node));
        break;
      case 'break':
      case 'html':
        // A hard break or inline HTML (a comment, <br>) separates words but adds none.
        push(' ', startOffset(node));
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
        else if ('value' in node && typeof node.value === 'string') pushAligned(node.value, startOffset(node), endOffset(node));
    }
  };
  for (const child of paragraph.children) walk(child);
  return { text, offsets, start: startOffset(paragraph), end: endOffset(paragraph) };
}
