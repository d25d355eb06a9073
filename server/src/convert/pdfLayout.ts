/**
 * From the positioned text of PDF pages to the blocks of a plan: lines rebuilt from text
 * items, running headers, footers and page numbers dropped, headings found from the outline
 * (bookmarks) or from font size, and lines broken by the layout joined into paragraphs and
 * list items. Pure: no PDF library here (pdf.ts extracts the text). Every pass is linear in
 * the number of text items (plus a sort of each page's items).
 */

/** A piece of text on a page (PDF coordinates: y grows upwards). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  fontSize: number;
}

/** An outline entry (bookmark), with its nesting depth (0 for the top level). */
export interface OutlineEntry {
  title: string;
  depth: number;
}

export type PdfBlock = { type: 'heading'; depth: number; text: string; page: number } | { type: 'paragraph'; text: string; page: number } | { type: 'item'; text: string; page: number };

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
}

const BULLET = /^(?:[•●▪■◦‣∙·*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Normalised text for comparing lines and outline titles. */
function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/[^\p{L}\p{N} ]/gu, '').trim();
}

/** The lines of one page: items on the same baseline, left to right. */
export function pageLines(items: readonly TextItem[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: { parts: TextItem[]; y: number; size: number } | undefined;
  const flush = () => {
    if (!current) return;
    const parts = current.parts.sort((a, b) => a.x - b.x);
    lines.push({ text: parts.map((p) => p.str).join(' ').replace(/\s+/g, ' ').trim(), y: current.y, size: current.size, page });
  };
  for (const item of sorted) {
    if (current && Math.abs(current.y - item.y) <= Math.max(item.fontSize, current.size) * 0.4) {
      current.parts.push(item);
      current.size = Math.max(current.size, item.fontSize);
    } else {
      flush();
      current = { parts: [item], y: item.y, size: item.fontSize };
    }
  }
  flush();
  return lines;
}

/**
 * Drops running headers and footers (the same text, digits ignored, at the same height in
 * the top or bottom two lines of at least half the pages) and page numbers.
 */
export function dropRunningText(pages: readonly Line[][]): Line[][] {
  const key = (l: Line) => `${norm(l.text).replace(/\d+/g, '#')}@${Math.round(l.y / 4)}`;
  const edges = (lines: readonly Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const running = (l: Line) => pages.length >= 2 && (counts.get(key(l)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && (running(l) || PAGE_NUMBER.test(l.text.trim()))));
  });
}

/** The most common font size, weighted by characters: the body text. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [s, w] of weight) if (w > bestWeight) [best, bestWeight] = [s, w];
  return best;
}

/**
 * The plan's blocks from the pages' text items. Headings come from the outline when it
 * names lines of the text (levels from its nesting, or from font size when it is flat),
 * otherwise from lines set larger than the body text (the largest size is level 1).
 */
export function layoutBlocks(pages: readonly (readonly TextItem[])[], outline: readonly OutlineEntry[] = []): PdfBlock[] {
  const lines = dropRunningText(pages.map((items, i) => pageLines(items, i + 1))).flat();
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const isLarge = (l: Line) => l.size >= body * 1.15 && l.text.length <= 200;
  // Outline titles, in order: a heading is a line (or a run of lines) that spells the next title.
  const titles = outline.map((o) => ({ ...o, key: norm(o.title) })).filter((o) => o.key !== '');
  const nested = titles.some((t) => t.depth > 0);
  const headingSizes = [...new Set(lines.filter(isLarge).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a);
  const levelOfSize = (size: number) => Math.min(Math.max(headingSizes.indexOf(Math.round(size * 2) / 2), 0) + 1, 6);
  const out: PdfBlock[] = [];
  let next = 0;
  let para: { text: string; page: number; type: 'paragraph' | 'item'; y: number; size: number } | undefined;
  const flush = () => {
    if (para) out.push({ type: para.type, text: para.text, page: para.page });
    para = undefined;
  };
  let lineGap = body * 1.25;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // Outline-driven headings: the line (joined with the next ones while they still spell the
    // title) names one of the next few titles; titles not found in the text are skipped.
    const found = titles.length > 0 ? matchTitle(lines, i, titles, next) : undefined;
    if (found) {
      flush();
      const want = titles[found.title]!;
      out.push({ type: 'heading', depth: nested ? Math.min(want.depth + 1, 6) : levelOfSize(l.size), text: found.text, page: l.page });
      next = found.title + 1;
      i = found.end;
      continue;
    }
    if (titles.length === 0 && isLarge(l)) {
      const prev = out.at(-1);
      const last = lines[i - 1];
      if (!para && prev?.type === 'heading' && last && Math.abs(last.size - l.size) < 0.5 && last.page === l.page && last.y - l.y <= l.size * 1.6) {
        prev.text = `${prev.text} ${l.text}`; // a heading wrapped over two lines
        continue;
      }
      flush();
      out.push({ type: 'heading', depth: levelOfSize(l.size), text: l.text, page: l.page });
      continue;
    }
    const bullet = BULLET.exec(l.text);
    const gap = para && para.page === l.page ? para.y - l.y : Infinity;
    const sameBlock = para && !bullet && gap <= Math.max(lineGap, l.size) * 1.35 && Math.abs(para.size - l.size) < 0.5;
    if (para && sameBlock) {
      if (gap > 0) lineGap = Math.min(lineGap, gap) || lineGap;
      para.text = joinLines(para.text, l.text);
      para.y = l.y;
    } else {
      // A continuation of the last paragraph on a new page starts with a lower-case letter.
      if (para && para.page !== l.page && /^[a-z]/.test(l.text) && !bullet) {
        para.text = joinLines(para.text, l.text);
        para.y = l.y;
        para.page = l.page;
        continue;
      }
      flush();
      para = { text: bullet ? l.text.slice(bullet[0].length) : l.text, page: l.page, type: bullet ? 'item' : 'paragraph', y: l.y, size: l.size };
    }
  }
  flush();
  return out;
}

/** The outline title (among the next few) that line i, alone or joined with the lines after it, spells. */
function matchTitle(lines: readonly Line[], i: number, titles: readonly { key: string }[], next: number): { title: number; end: number; text: string } | undefined {
  for (let t = next; t < Math.min(next + 4, titles.length); t++) {
    const want = titles[t]!.key;
    let text = lines[i]!.text;
    let j = i;
    while (norm(text).length < want.length && j + 1 < lines.length && j - i < 4 && want.startsWith(norm(`${text} ${lines[j + 1]!.text}`))) text = `${text} ${lines[++j]!.text}`;
    if (norm(text) === want) return { title: t, end: j, text: text.trim() };
  }
  return undefined;
}

/** Joins two lines of one paragraph, undoing a hyphen that only split a word. */
function joinLines(a: string, b: string): string {
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}
