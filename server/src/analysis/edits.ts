import type { IndexedCatalogue } from './catalogue.js';
import type { DocumentAnalysis } from './document.js';
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
  return insertAt(doc, offset, blockInsertion(doc.plan.text, offset, block, eol));
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
