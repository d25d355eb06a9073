/**
 * Word out: the coverage report (or the annex alone) as a .docx, built with the `docx`
 * library from the plain model of docxModel.ts. Only Word's built-in styles are used (Title,
 * Heading 1 and 2, List Bullet, a table with a repeating header row and the "Table Grid"
 * style name), so the content takes on a board paper template's look when pasted into it.
 * Runs in the converter's worker thread (see convert/run.ts).
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocxReportModel } from './docxModel.js';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
}

/** The statutory requirements table: one row per item, the header row repeated on each page. */
function requirementsTable(model: DocxReportModel): Table {
  const header = new TableRow({ tableHeader: true, children: ['Requirement', 'Legal basis', 'Status', 'Where the plan meets it'].map((h) => cell(h, true)) });
  return new Table({
    style: 'TableGrid',
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [header, ...model.rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.requirement), cell(r.legalBasis), cell(r.status), cell(r.where)] }))],
  });
}

function annexPart(model: DocxReportModel, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: model.annexTitle, heading: level }),
    new Paragraph('Made by jfp-assist from the text of the plan: one row per statutory duty and requirement, with the sections of the plan that meet it.'),
    requirementsTable(model),
  ];
}

function gapList(gaps: DocxReportModel['statutoryGaps'], none: string): Paragraph[] {
  if (gaps.length === 0) return [new Paragraph(none)];
  return gaps.map(
    (g) =>
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: g.title, bold: g.statutory }),
          new TextRun(` (${g.kind.toLowerCase()}): ${g.status.toLowerCase()}`),
          ...(g.missing.length > 0 ? [new TextRun(`. Key elements not found: ${g.missing.join('; ')}.`)] : []),
        ],
      }),
  );
}

/** The points to review: one paragraph per check with its count and worst example, then a few places. */
function findingsPart(model: DocxReportModel): Paragraph[] {
  if (model.findingsTotal === 0) return [new Paragraph('None: jfp-assist found nothing to review.')];
  const out = [new Paragraph(`${model.findingsTotal} points, grouped by check, most serious first. Each check lists its first ${model.placesShown} places; jfp-check or the editor shows them all.`)];
  for (const g of model.findings) {
    out.push(new Paragraph({ children: [new TextRun({ text: `${g.code} × ${g.count}`, bold: true }), new TextRun(` (${g.severity}): ${g.example}`)] }));
    for (const place of g.places) out.push(new Paragraph({ text: place, bullet: { level: 0 } }));
    if (g.more > 0) out.push(new Paragraph({ text: `and ${g.more} more`, bullet: { level: 0 } }));
  }
  return out;
}

/** The paragraphs and tables of the document: coverage and statutory gaps first, findings last. */
export function docxBody(model: DocxReportModel): (Paragraph | Table)[] {
  if (model.part === 'annex') return [...annexPart(model, HeadingLevel.HEADING_1), new Paragraph({ text: model.footer, style: 'Caption' })];
  const meta = [model.period ? `Period: ${model.period}` : undefined, model.mode, `Files: ${model.files.join(', ')}`].filter(Boolean).join(' · ');
  return [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph(meta),
    new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun({ text: model.summary, bold: true }), new TextRun(` ${model.counting}`)] }),
    new Paragraph({ text: 'Statutory gaps', heading: HeadingLevel.HEADING_1 }),
    ...gapList(model.statutoryGaps, 'None: every statutory item is at least partly covered.'),
    new Paragraph({ text: 'Other gaps', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Items only partly covered, and content areas not covered; statutory items first, in bold.'),
    ...gapList(model.otherGaps, 'None: every other counted item is addressed or waived.'),
    ...annexPart(model, HeadingLevel.HEADING_1),
    new Paragraph({ text: 'Points to review', heading: HeadingLevel.HEADING_1 }),
    ...findingsPart(model),
    new Paragraph({ text: model.footer, style: 'Caption' }),
  ];
}

/** The .docx file's bytes. */
export async function buildDocx(model: DocxReportModel): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'jfp-assist',
    title: model.part === 'annex' ? `${model.annexTitle}: ${model.title}` : `Coverage report: ${model.title}`,
    sections: [{ children: docxBody(model) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
