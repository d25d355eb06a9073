/**
 * Word and PDF fixtures built in the test run from Markdown: a .docx with real Word styles
 * (Title, Heading 1-5, bullets, tables, footnotes) through the `docx` library, and a small
 * PDF writer (Helvetica text, optional outline, running header and page numbers).
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { parseMarkdown, plainText } from '../server/src/analysis/model/markdown.js';

const LEVELS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];

/** The blocks of a Markdown text as Word would hold them: title, headings, paragraphs, list items, tables. */
export type Block = { type: 'heading'; depth: number; text: string } | { type: 'paragraph'; text: string; bullet?: boolean } | { type: 'table'; rows: string[][] };

/** Markdown to blocks: front matter's period becomes a line under the title; HTML comments are dropped (Word has none). */
export function markdownBlocks(markdown: string): Block[] {
  const root: Root = parseMarkdown(markdown);
  const out: Block[] = [];
  let period: string | undefined;
  const flow = (node: RootContent | Nodes): void => {
    switch (node.type) {
      case 'yaml':
        period = /^period:\s*(.+)$/m.exec(node.value)?.[1]?.replace(/["']/g, '');
        return;
      case 'heading':
        out.push({ type: 'heading', depth: node.depth, text: plainText(node) });
        if (node.depth === 1 && period) out.push({ type: 'paragraph', text: `Period: ${period}` });
        return;
      case 'list':
        for (const item of node.children) out.push({ type: 'paragraph', text: plainText(item).replace(/\s+/g, ' ').trim(), bullet: true });
        return;
      case 'table':
        out.push({ type: 'table', rows: node.children.map((r) => r.children.map((c) => plainText(c))) });
        return;
      case 'html':
      case 'definition':
      case 'thematicBreak':
        return;
      case 'blockquote':
        for (const c of node.children) flow(c);
        return;
      default: {
        const text = plainText(node).replace(/\s+/g, ' ').trim();
        if (text) out.push({ type: 'paragraph', text });
      }
    }
  };
  for (const node of root.children) flow(node);
  return out;
}

/** A .docx of the Markdown, with Word's built-in styles; `footnote` adds one footnote to the first paragraph. */
export async function wordFromMarkdown(markdown: string, options: { footnote?: string } = {}): Promise<Buffer> {
  let footnoteUsed = false;
  const children: (Paragraph | Table)[] = markdownBlocks(markdown).map((b) => {
    if (b.type === 'heading') return new Paragraph({ text: b.text, heading: LEVELS[Math.min(b.depth - 1, 5)] });
    if (b.type === 'table') {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
      });
    }
    const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(b.text)];
    if (options.footnote && !footnoteUsed && !b.bullet) {
      footnoteUsed = true;
      runs.push(new FootnoteReferenceRun(1));
    }
    return new Paragraph({ children: runs, ...(b.bullet ? { bullet: { level: 0 } } : {}) });
  });
  const doc = new Document({
    ...(options.footnote ? { footnotes: { 1: { children: [new Paragraph(options.footnote)] } } } : {}),
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------- PDF

const SIZES = [24, 18, 15, 13, 12, 12];
const BODY = 10.5;
const PAGE_H = 842;
const MARGIN = 72;

function pdfString(s: string): string {
  // WinAnsiEncoding: the bullet and dashes have their own codes; other characters outside Latin-1 become '?'.
  const latin = s.replace(/•/g, '\x95').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '\x96').replace(/—/g, '\x97').replace(/…/g, '...').replace(/[^\x20-\x7e\x95-\x97\xa0-\xff]/g, '?');
  return `(${latin.replace(/[\\()]/g, '\\$&')})`;
}

function wrap(text: string, size: number): string[] {
  const max = Math.floor(451 / (size * 0.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A PDF of the Markdown: headings larger and bold, body text wrapped over several lines,
 * a running header and a page number on every page, and (with `outline`) bookmarks for
 * the headings. `textless` draws no text at all (like a scanned document); `encrypted`
 * declares a password (a standard security handler whose user password is not empty).
 */
export function pdfFromMarkdown(markdown: string, options: { outline?: boolean; header?: string; textless?: boolean; encrypted?: boolean } = {}): Buffer {
  type Line = { text: string; size: number; bold: boolean; gap: number; heading?: { depth: number; text: string } };
  const lines: Line[] = [];
  for (const b of markdownBlocks(markdown)) {
    if (b.type === 'heading') {
      const size = SIZES[b.depth - 1]!;
      wrap(b.text, size).forEach((t, i) => lines.push({ text: t, size, bold: true, gap: i === 0 ? size : 2, ...(i === 0 ? { heading: { depth: b.depth, text: b.text } } : {}) }));
    } else if (b.type === 'table') {
      for (const r of b.rows) lines.push({ text: r.join('   '), size: BODY, bold: false, gap: 6 });
    } else {
      wrap(b.bullet ? `• ${b.text}` : b.text, BODY).forEach((t, i) => lines.push({ text: t, size: BODY, bold: false, gap: i === 0 ? 8 : 2 }));
    }
  }
  const pages: { ops: string[]; marks: { depth: number; text: string; y: number }[] }[] = [];
  let y = 0;
  let page: (typeof pages)[number] | undefined;
  const header = options.header ?? 'Joint Forward Plan';
  const newPage = () => {
    page = { ops: [], marks: [] };
    pages.push(page);
    const n = pages.length;
    page.ops.push(`BT /F1 8 Tf 72 ${PAGE_H - 40} Td ${pdfString(header)} Tj ET`, `BT /F1 8 Tf 290 30 Td ${pdfString(String(n))} Tj ET`);
    y = PAGE_H - MARGIN;
  };
  newPage();
  for (const l of lines) {
    y -= l.gap + l.size;
    if (y < MARGIN) {
      newPage();
      y -= l.size;
    }
    page!.ops.push(`BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf 72 ${y.toFixed(1)} Td ${pdfString(l.text)} Tj ET`);
    if (l.heading) page!.marks.push({ ...l.heading, y: y + l.size });
  }
  // Objects: 1 catalog, 2 pages, 3 F1, 4 F2, 5 outlines, then per page: page, contents; then outline items.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  const marks = options.outline ? pages.flatMap((p, i) => p.marks.map((m) => ({ ...m, page: pageIds[i]! }))) : [];
  const firstMark = 6 + pages.length * 2;
  objects[1] = `<< /Type /Catalog /Pages 2 0 R${marks.length ? ' /Outlines 5 0 R /PageMode /UseOutlines' : ''} >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = marks.length ? `<< /Type /Outlines /First ${firstMark} 0 R /Last ${firstMark + marks.length - 1} 0 R /Count ${marks.length} >>` : '<< /Type /Outlines /Count 0 >>';
  pages.forEach((p, i) => {
    const stream = options.textless ? '0.5 g 72 72 451 698 re f' : p.ops.join('\n');
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  // A flat outline (every heading at the top level, with its depth kept in the title order) is enough for the tests.
  marks.forEach((m, i) => {
    const id = firstMark + i;
    objects[id] = `<< /Title ${pdfString(m.text)} /Parent 5 0 R${i > 0 ? ` /Prev ${id - 1} 0 R` : ''}${i < marks.length - 1 ? ` /Next ${id + 1} 0 R` : ''} /Dest [${m.page} 0 R /XYZ 72 ${m.y.toFixed(1)} 0] >>`;
  });
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encrypt = options.encrypted ? ` /Encrypt << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >> /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
