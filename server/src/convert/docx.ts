/**
 * Word in: a .docx becomes Markdown through mammoth (Word to HTML, keeping Word's heading
 * styles, lists, tables, footnotes and links), hast-util-from-html, hast-util-to-mdast and
 * mdast-util-to-markdown with GFM (tables, footnotes). Nothing outside the file is read:
 * linked files and images are not fetched.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { ConvertError, finish, type Converted, type ConvertLimits } from './convert.js';

/** Word's Title style becomes the plan's level-1 title; Subtitle a plain paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1.jfp-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

const FOOTNOTE = /^#(footnote|endnote)-(\d+)$/;
const BACKLINK = /^#(footnote|endnote)-ref-\d+$/;

function isElement(node: RootContent | ElementContent | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

function walk(node: HastRoot | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (isElement(child)) {
      fn(child);
      walk(child, fn);
    }
  }
}

/**
 * Prepares mammoth's HTML for the plan model: Word's Title is the only level-1 heading when
 * there is one (Heading 1 then becomes a level-2 section, and so on), a table's first row is
 * its header row, and the back-links of footnotes are dropped. Returns the title text.
 */
export function shapeWordHtml(tree: HastRoot): string | undefined {
  let title: string | undefined;
  let hasTitleStyle = false;
  walk(tree, (el) => {
    const classes = el.properties.className;
    if (el.tagName === 'h1' && Array.isArray(classes) && classes.includes('jfp-title')) hasTitleStyle = true;
  });
  walk(tree, (el) => {
    const heading = /^h([1-6])$/.exec(el.tagName);
    if (heading) {
      const classes = el.properties.className;
      const isTitle = Array.isArray(classes) && classes.includes('jfp-title');
      if (isTitle && title === undefined) {
        title = textOf(el).trim();
        el.properties = {};
        return;
      }
      if (hasTitleStyle) el.tagName = `h${Math.min(Number(heading[1]) + 1, 6)}`;
      else title ??= heading[1] === '1' ? textOf(el).trim() : undefined;
    }
    if (el.tagName === 'table' && !hasHeaderCells(el)) {
      const first = firstRow(el);
      if (first) for (const cell of first.children) if (isElement(cell, 'td')) cell.tagName = 'th';
    }
    el.children = el.children.filter((c) => !(isElement(c, 'a') && BACKLINK.test(String(c.properties.href ?? ''))));
  });
  return title || undefined;
}

function hasHeaderCells(table: Element): boolean {
  let found = false;
  walk(table, (el) => (found ||= el.tagName === 'th'));
  return found;
}

function firstRow(table: Element): Element | undefined {
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') return child;
    if (/^(thead|tbody)$/.test(child.tagName)) return child.children.find((c): c is Element => isElement(c, 'tr'));
  }
  return undefined;
}

/** `<sup><a href="#footnote-1">[1]</a></sup>` becomes a GFM footnote reference `[^1]`. */
const sup: Handle = (state, node) => {
  const link = node.children.find((c): c is Element => isElement(c, 'a'));
  const m = link ? FOOTNOTE.exec(String(link.properties.href ?? '')) : null;
  if (m) return { type: 'footnoteReference', identifier: `${m[1]![0]}${m[2]}`, label: `${m[1]![0]}${m[2]}` };
  return defaultHandlers.sup(state, node);
};

/** mammoth's list of footnotes (`<ol><li id="footnote-1">`) becomes GFM footnote definitions. */
const ol: Handle = (state, node) => {
  const items = node.children.filter((c): c is Element => isElement(c, 'li'));
  const ids = items.map((li) => /^(footnote|endnote)-(\d+)$/.exec(String(li.properties.id ?? '')));
  if (items.length === 0 || ids.some((m) => !m)) return defaultHandlers.ol(state, node);
  return items.map((li, i): FootnoteDefinition => {
    const id = `${ids[i]![1]![0]}${ids[i]![2]}`;
    return { type: 'footnoteDefinition', identifier: id, label: id, children: state.toFlow(state.all(li)) };
  });
};

/** Markdown from the HTML mammoth makes of a Word document. */
export function wordHtmlToMarkdown(html: string): { body: string; title: string | undefined } {
  const tree = fromHtml(html, { fragment: true });
  const title = shapeWordHtml(tree);
  const mdast = toMdast(tree, { handlers: { sup, ol } }) as MdastRoot;
  const body = toMarkdown(mdast as MdastNodes, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', listItemIndent: 'one' });
  return { body, title };
}

/** Converts the bytes of a .docx file (named `name` in messages). */
export async function convertDocx(name: string, bytes: Uint8Array, limits: ConvertLimits): Promise<Converted> {
  let html: string;
  const notes: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images are not copied into the plan; their alt text is kept.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) notes.push(`${errors.length} part${errors.length === 1 ? '' : 's'} of the document could not be read (${errors[0]!.message}).`);
  } catch (e) {
    throw new ConvertError(`${name} could not be read as a Word document: it may be damaged (${e instanceof Error ? e.message : String(e)}).`, 'corrupt');
  }
  if (html.length > limits.maxTextMB * 1024 * 1024 * 4) {
    throw new ConvertError(`${name} is too large to check: its text is over ${limits.maxTextMB} MB (jfp.analysis.maxFileSizeMB).`, 'too-large');
  }
  const { body, title } = wordHtmlToMarkdown(html);
  if (body.trim() === '') throw new ConvertError(`${name} has no text to check.`, 'no-text');
  return finish('docx', name, body, title, limits, notes);
}
