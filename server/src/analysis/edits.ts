import type { IndexedCatalogue } from './data/catalogue.js';
import type { DocumentAnalysis } from './model/document.js';
import { blockInsertion, chapterDepth, insertionOffset, sectionSkeleton } from './skeleton.js';
import type { CatalogueItem, Range } from './types.js';

/** A text edit as plain data (LSP-shaped). */
export interface TextEdit {
  range: Range;
  newText: string;
}

function insertAt(doc: DocumentAnalysis, offset: number, newText: string): TextEdit {
  const p = doc.plan.lines.positionAt(offset);
  return { range: { start: p, end: p }, newText };
}

/** Inserts new sections for items, before the back matter or at the end. */
export function insertSectionsEdit(doc: DocumentAnalysis, items: readonly CatalogueItem[]): TextEdit | undefined {
  if (items.length === 0) return undefined;
  const eol = doc.plan.lines.eol;
  const depth = chapterDepth(doc);
  const offset = insertionOffset(doc);
  const block = items.map((item) => sectionSkeleton(item, depth, eol)).join(eol + eol);
  const closer = offset === doc.plan.text.length ? openBlockCloser(doc) : '';
  return insertAt(doc, offset, closer + blockInsertion(doc.plan.text + closer, offset + closer.length, block, eol));
}

/**
 * The CommonMark HTML blocks that end only at a marker (kinds 1 to 5), by how they start, with
 * the marker that ends them and the text that closes one left open. Kinds 6 and 7 (other tags)
 * end at a blank line, which blockInsertion always leaves before a new section.
 */
const HTML_BLOCK_ENDS: { start: RegExp; end: RegExp; closer: string }[] = [
  { start: /^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, end: /<\/(script|pre|style|textarea)>/i, closer: '' },
  { start: /^ {0,3}<!--/, end: /-->/, closer: '-->' },
  { start: /^ {0,3}<\?/, end: /\?>/, closer: '?>' },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, closer: '>' },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, closer: ']]>' },
];

/**
 * What closes a block left open at the end of the document (an HTML comment without `-->`, a
 * script, style, pre or textarea block without its end tag, a processing instruction, a
 * declaration or CDATA without its end, a code fence without its closing fence), so that
 * sections added at the end are not swallowed by it. Closing it at the very end does not
 * change how the existing text reads.
 */
export function openBlockCloser(doc: DocumentAnalysis): string {
  const { text, root, lines } = doc.plan;
  // Only a top-level block can stay open: inside a list or quote, a line at the margin ends it.
  const node = root.children[root.children.length - 1];
  const start = node?.position?.start.offset;
  if (!node || start === undefined) return '';
  const source = text.slice(start, node.position?.end.offset ?? text.length);
  const lead = text.length > 0 && !/[\r\n]$/.test(text) ? lines.eol : '';
  if (node.type === 'html') {
    const kind = HTML_BLOCK_ENDS.find((k) => k.start.test(source));
    // As in CommonMark, the end marker may share characters with the start (`<!-->`, `<?>`).
    if (kind && !kind.end.test(source)) {
      const closer = kind.closer || `</${kind.start.exec(source)![1]!.toLowerCase()}>`;
      return `${lead}${closer}${lines.eol}`;
    }
    return '';
  }
  const fence = node.type === 'code' ? /^[ \t>]*(`{3,}|~{3,})/.exec(source) : null;
  if (fence) {
    const lastLine = source.split(/\r\n|\r|\n/).pop() ?? '';
    const closed = /[\r\n]/.test(source) && new RegExp(`^[ \\t>]*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`).test(lastLine);
    if (!closed) return `${lead}${fence[1]}${lines.eol}`;
  }
  return '';
}

/** Offset just after the line a comment should follow: the title heading, else the front matter, else the start. */
function afterTitle(doc: DocumentAnalysis): number {
  const { plan } = doc;
  const h1 = plan.sections.find((s) => s.depth === 1);
  if (h1) return plan.lines.lineEnd(plan.lines.positionAt(Math.max(h1.headingStart, h1.headingEnd - 1)).line);
  if (plan.frontMatter) return plan.lines.lineEnd(plan.lines.positionAt(plan.frontMatter.end).line);
  return 0;
}

function commentAfterLine(doc: DocumentAnalysis, lineEnd: number, comment: string): TextEdit {
  const eol = doc.plan.lines.eol;
  if (lineEnd === 0 && doc.plan.text.length > 0) return insertAt(doc, 0, comment + eol + eol);
  return insertAt(doc, lineEnd, eol + eol + comment);
}

/** Waives an item: a jfp-waive comment under the title, with a reason for the author to complete. */
export function waiveEdit(doc: DocumentAnalysis, itemId: string): TextEdit {
  return commentAfterLine(doc, afterTitle(doc), `<!-- jfp-waive ${itemId}: say why this plan does not cover it -->`);
}

/** Maps the section whose heading is on a line to an item, with a jfp comment under the heading. */
export function tagSectionEdit(doc: DocumentAnalysis, line: number, itemId: string): TextEdit | undefined {
  const { plan } = doc;
  const section = plan.sections.find((s) => s.depth > 0 && plan.lines.positionAt(s.headingStart).line === line);
  if (!section) return undefined;
  const existing = plan.tags.find((t) => t.kind === 'map' && t.section === section.index && t.ids.length > 0);
  if (existing) {
    // Add the id to the section's existing tag rather than writing a second one.
    if (existing.ids.some((t) => t.id === itemId)) return undefined;
    return insertAt(doc, existing.ids[existing.ids.length - 1]!.end, `, ${itemId}`);
  }
  const headingLastLine = plan.lines.positionAt(Math.max(section.headingStart, section.headingEnd - 1)).line;
  return commentAfterLine(doc, plan.lines.lineEnd(headingLastLine), `<!-- jfp: ${itemId} -->`);
}

/** Replaces an id in a jfp comment. */
export function replaceIdEdit(range: Range, replacement: string): TextEdit {
  return { range, newText: replacement };
}

/** Adds a reason placeholder to a waiver that has none. */
export function waiverReasonEdit(doc: DocumentAnalysis, idEnd: number): TextEdit {
  return insertAt(doc, idEnd, ': say why this plan does not cover it');
}

export function itemsById(catalogue: IndexedCatalogue, ids: readonly string[]): CatalogueItem[] {
  return ids.map((id) => catalogue.get(id)).filter((i): i is CatalogueItem => i !== undefined);
}
