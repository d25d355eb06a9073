/**
 * The server side of the Word and PDF commands: convert a file into a Markdown plan,
 * check one without converting it (coverage and HTML report, positions in the reader's
 * terms), and build the Word coverage report. Conversion and the Word report run in a
 * worker thread (convert/run.ts, given by main.ts through setWordPdfSupport, since the
 * server core imports no Node module), so the server keeps answering; the source file is
 * only read. In a browser they answer with a clear message.
 */
import type { PlanAnalysis } from '../../analysis/analyse.js';
import { analysePlan } from '../../analysis/analyse.js';
import { indexCatalogue } from '../../analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../analysis/model/document.js';
import { analysisOptions } from '../../analysis/planOptions.js';
import { ConvertError, DEFAULT_LIMITS, type Converted, type ConvertLimits } from '../../convert/convert.js';
import { describeLine } from '../../convert/locate.js';
import { docxReportModel, type DocxReportModel } from '../../formats/docxModel.js';
import { formatHtml } from '../../formats/html.js';
import { baseName, pathToUri } from '../../host/uri.js';
import type { CheckedPlan, ConvertedPlan, Failed } from '../../../../shared/wordPdf.js';
import type { PlanWorkspace } from '../workspace.js';
import { coverageResult } from './coverage.js';
import { displayName } from './reports.js';

/** What the Node entry point gives the server for Word and PDF (see convert/run.ts). */
export interface WordPdfSupport {
  convert(file: string, limits: ConvertLimits): Promise<Converted>;
  /** The Word report's bytes, in base64. */
  docxBase64(model: DocxReportModel): Promise<string>;
}

let support: WordPdfSupport | undefined;

export function setWordPdfSupport(s: WordPdfSupport | undefined): void {
  support = s;
}

function supported(): WordPdfSupport {
  if (!support) throw new ConvertError('Word and PDF files can be read only by the desktop extension and jfp-check, not in a browser.', 'unsupported');
  return support;
}

function failed(e: unknown): Failed {
  return { error: e instanceof ConvertError || e instanceof Error ? e.message : String(e) };
}

function limitsFor(workspace: PlanWorkspace, file: string) {
  return { ...DEFAULT_LIMITS, maxTextMB: workspace.configFor(pathToUri(file)).config.analysis.maxFileSizeMB };
}

/** "Import a Word or PDF plan": the file as a Markdown plan with front matter. */
export async function convertForImport(file: unknown, workspace: PlanWorkspace): Promise<ConvertedPlan | Failed> {
  if (typeof file !== 'string' || file === '') return { error: 'no file given' };
  try {
    const c = await supported().convert(file, limitsFor(workspace, file));
    return { markdown: c.markdown, ...(c.title ? { title: c.title } : {}), ...(c.icb ? { icb: c.icb } : {}), ...(c.period ? { period: c.period } : {}), notes: c.notes };
  } catch (e) {
    return failed(e);
  }
}

/** "Check a Word or PDF plan": coverage and HTML report of the file as one plan, with the workspace's configuration. */
export async function checkWithoutImport(file: unknown, workspace: PlanWorkspace, now = new Date()): Promise<CheckedPlan | Failed> {
  if (typeof file !== 'string' || file === '') return { error: 'no file given' };
  try {
    const uri = pathToUri(file);
    const c = await supported().convert(file, limitsFor(workspace, file));
    const { config } = workspace.configFor(uri);
    const doc = analyseDocument(uri, c.markdown, indexCatalogue(workspace.catalogue));
    const plan: PlanAnalysis = analysePlan([doc], workspace.catalogue, analysisOptions(config));
    const coverage = coverageResult(plan);
    for (const item of coverage.items) for (const e of item.evidence) Object.assign(e, { where: describeLine(c.blocks, e.line - 1) });
    const name = baseName(uri);
    const html = formatHtml(plan, () => name, { now });
    return { name, coverage, html, markdown: c.markdown };
  } catch (e) {
    return failed(e);
  }
}

/** "Export coverage report" as a Word document (or the annex alone): the file's bytes in base64. */
export async function wordReport(plan: PlanAnalysis, part: unknown, workspace: PlanWorkspace, now = new Date()): Promise<{ base64: string } | Failed> {
  try {
    const model = docxReportModel(plan, (uri) => displayName(workspace, uri), part === 'annex' ? 'annex' : 'report', now);
    return { base64: await supported().docxBase64(model) };
  } catch (e) {
    return failed(e);
  }
}
