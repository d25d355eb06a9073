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

/** The paragraphs and tables of the document. */
export function docxBody(model: DocxReportModel): (Paragraph | Table)[] {
  if (model.part === 'annex') return [...annexPart(model, HeadingLevel.HEADING_1), new Paragraph({ text: model.footer, style: 'Caption' })];
  const meta = [model.period ? `Period: ${model.period}` : undefined, model.mode, `Files: ${model.files.join(', ')}`].filter(Boolean).join(' · ');
  const gaps =
    model.gaps.length === 0
      ? [new Paragraph('None: every counted item is addressed or waived.')]
      : model.gaps.map(
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
  return [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph(meta),
    new Paragraph({ text: 'Coverage', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun({ text: model.summary, bold: true })] }),
    ...annexPart(model, HeadingLevel.HEADING_1),
    new Paragraph({ text: 'Gaps', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Items not covered, or only partly covered; statutory items first, in bold.'),
    ...gaps,
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
