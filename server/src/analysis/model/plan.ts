import type { Heading, Root, RootContent } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { frontMatterTooLarge, YAML_OPTIONS } from './frontMatter.js';
import { LineIndex } from './lineIndex.js';
import { blockFacts } from './blockFacts.js';
import { endOffset, plainText, startOffset } from './markdown.js';
import { parseChunked } from './incremental.js';
import { Suppressions } from './suppressions.js';
import type { Tag } from './tags.js';

/** A section: a heading and the blocks up to the next heading (of any level). */
export interface Section {
  index: number;
  /** Heading text; '' for the preamble before the first heading. */
  heading: string;
  /** 0 for the preamble, else 1-6. */
  depth: number;
  /** Offsets of the heading line (equal to start..start for the preamble). */
  headingStart: number;
  headingEnd: number;
  /** Offset where the section starts (its heading) and where its own blocks end. */
  start: number;
  end: number;
  /** End of the section including its subsections. */
  treeEnd: number;
  /** Index of the nearest enclosing section, if any. */
  parent: number | undefined;
}

export interface FrontMatter {
  start: number;
  end: number;
  data: Record<string, unknown>;
  /** Offsets of each top-level key's value as written (quotes included, a trailing comment not), from the YAML document. */
  fields: ReadonlyMap<string, { start: number; end: number }>;
  /** Set when the YAML could not be read; data is then empty. */
  error?: string;
  /** Set when it was over the size budget and not read (see frontMatter.ts). */
  tooLarge?: boolean;
}

export interface PlanModel {
  text: string;
  lines: LineIndex;
  root: Root;
  frontMatter: FrontMatter | undefined;
  /** The plan's title: the first level-1 heading, else the front matter's title line. */
  title: { text: string; start: number; end: number } | undefined;
  sections: Section[];
  tags: Tag[];
  /** jfp-disable and jfp-enable comments. */
  suppressions: Suppressions;
  /** Source ranges that are not prose (code, HTML, front matter, link targets): never evidence. */
  excluded: [number, number][];
}

/**
 * Parses a Markdown document into the plan model. Never throws on any input text. `parse`
 * may be an incremental parser's (see incremental.ts): it must return what parseMarkdown would;
 * by default a long text is parsed in chunks (parseChunked).
 */
export function parsePlan(text: string, parse: (text: string) => Root = parseChunked): PlanModel {
  const root = parse(text);
  const lines = new LineIndex(text);
  const sections: Section[] = [];
  const open: Section[] = [];
  let frontMatter: FrontMatter | undefined;

  const preamble: Section = { index: 0, heading: '', depth: 0, headingStart: 0, headingEnd: 0, start: 0, end: text.length, treeEnd: text.length, parent: undefined };
  sections.push(preamble);
  const first = root.children[0];
  if (first && first.type !== 'heading') sectionNodes.set(preamble, first);

  for (const node of root.children) {
    if (node.type === 'yaml') {
      frontMatter = frontMatterOf(node.value, startOffset(node), endOffset(node), text.indexOf(node.value, startOffset(node) + 3));
      preamble.start = preamble.headingStart = preamble.headingEnd = endOffset(node);
      continue;
    }
    if (node.type !== 'heading') continue;
    const start = startOffset(node);
    sections[sections.length - 1]!.end = start;
    while (open.length > 0 && open[open.length - 1]!.depth >= node.depth) open.pop()!.treeEnd = start;
    const section: Section = {
      index: sections.length,
      heading: headingText(node),
      depth: node.depth,
      headingStart: start,
      headingEnd: endOffset(node),
      start,
      end: text.length,
      treeEnd: text.length,
      parent: open[open.length - 1]?.index,
    };
    sections.push(section);
    sectionNodes.set(section, node);
    open.push(section);
  }
  // The preamble holds the text before the first heading.
  preamble.treeEnd = preamble.end;

  const excluded: [number, number][] = [];
  if (frontMatter) excluded.push([frontMatter.start, frontMatter.end]);
  const { tags, directives } = blockFacts(root.children, text, (offset) => sectionAt(sections, offset), excluded);
  excluded.sort((a, b) => a[0] - b[0]);

  const h1 = sections.find((s) => s.depth === 1);
  let title: PlanModel['title'];
  if (h1) {
    title = { text: h1.heading, start: h1.headingStart, end: h1.headingEnd };
  } else if (frontMatter) {
    const line = lines.positionAt(frontMatter.start).line;
    title = { text: String(frontMatter.data.title ?? ''), start: lines.lineStart(line), end: lines.lineEnd(line) };
  }

  return { text, lines, root, frontMatter, title, sections, tags, suppressions: new Suppressions(directives, lines), excluded };
}

/** Each section's first syntax tree node (see sectionNode). */
const sectionNodes = new WeakMap<Section, RootContent>();

/**
 * A key for a section's text that needs no hashing: its heading node (for the preamble, the
 * first block, when it has one). The incremental parser keeps the nodes of the chunks an edit
 * did not touch, and a section never reaches past its chunk, so when two versions' sections
 * have the same key their text from start to end is the same (the excluded ranges that meet it
 * may still differ, through the coverage annex: check them). Undefined when there is no node;
 * different keys say nothing (a text parsed afresh has new nodes). For caches of per-section
 * results, as a WeakMap key.
 */
export function sectionNode(section: Section): object | undefined {
  return sectionNodes.get(section);
}

/**
 * Heading texts by heading node: a node the incremental parser kept from the last version has
 * the same text, and its section then keeps the same heading string (which caches keyed by
 * heading find without hashing it again).
 */
const headingTexts = new WeakMap<Heading, string>();

function headingText(node: Heading): string {
  let heading = headingTexts.get(node);
  if (heading === undefined) headingTexts.set(node, (heading = plainText(node).replace(/\s+/g, ' ').trim()));
  return heading;
}

/**
 * Front matter read before, by its text and place: it rarely changes while an author types, so
 * an edit elsewhere reuses it rather than parsing the YAML again. The result is never changed
 * by its readers. A few documents' worth are kept (the oldest is forgotten first).
 */
const frontMatters = new Map<string, FrontMatter>();

function frontMatterOf(yaml: string, start: number, end: number, at: number): FrontMatter {
  const key = `${start},${end},${at}\n${yaml}`;
  let read = frontMatters.get(key);
  if (!read) {
    read = readFrontMatter(yaml, start, end, at);
    if (frontMatters.size >= 16) frontMatters.delete(frontMatters.keys().next().value!);
    frontMatters.set(key, read);
  }
  return read;
}

/** `yaml` is the text between the fences, found at offset `at` of the document. */
function readFrontMatter(yaml: string, start: number, end: number, at: number): FrontMatter {
  const none = new Map<string, { start: number; end: number }>();
  const tooLarge = frontMatterTooLarge(yaml);
  if (tooLarge) return { start, end, data: {}, fields: none, error: tooLarge, tooLarge: true };
  try {
    const document = parseDocument(yaml, YAML_OPTIONS);
    if (document.errors.length > 0) return { start, end, data: {}, fields: none, error: document.errors[0]!.message };
    const data: unknown = document.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) return { start, end, data: {}, fields: none };
    if (typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) return { start, end, data: {}, fields: none, error: 'front matter is not a set of key: value pairs' };
    const fields = new Map<string, { start: number; end: number }>();
    for (const { key, value } of document.contents.items) {
      if (!isScalar(key) || !isScalar(value) || !value.range || fields.has(String(key.value))) continue;
      fields.set(String(key.value), { start: at + value.range[0], end: at + value.range[1] });
    }
    return { start, end, data: data as Record<string, unknown>, fields };
  } catch (e) {
    return { start, end, data: {}, fields: none, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Index of the section containing an offset. Sections are sorted by start. */
export function sectionAt(sections: readonly Section[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sections in the subtree of a section, itself included. */
export function subtree(sections: readonly Section[], index: number): Section[] {
  const root = sections[index]!;
  if (root.depth === 0) return [root];
  const out: Section[] = [];
  for (let i = index; i < sections.length && sections[i]!.start < root.treeEnd; i++) out.push(sections[i]!);
  return out;
}
