/**
 * The Word report of several plans (jfp-check on a folder that holds more than one): one
 * document, each plan's report in its own section, starting on a new page. Runs in the
 * converter's worker thread, like docx.ts.
 */
import { Document, Packer } from 'docx';
import { docxBody } from './docx.js';
import type { DocxReportModel } from './docxModel.js';

export async function buildDocxPlans(models: readonly DocxReportModel[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'jfp-assist',
    title: `Coverage report: ${models.length} plans`,
    sections: models.map((model) => ({ children: docxBody(model) })),
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
