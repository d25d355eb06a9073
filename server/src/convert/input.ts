/**
 * jfp-check's side of Word and PDF: reading plans as Markdown (converted in a worker, see run.ts), and rewriting report positions so they
 * point into the Word or PDF document (heading and paragraph) instead of Markdown lines,
 * and writing the Word report.
 */
import * as path from 'node:path';
import { uriToPath } from '../host/uri.js';
import { ConvertError, DEFAULT_LIMITS, isConvertiblePath, type Converted } from './convert.js';
import { describeLine, type BlockLocation } from './locate.js';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { docxReportModel } from '../formats/docxModel.js';
import { buildDocxReportSync, convertFileSync } from './run.js';

/** Converted files of this run, by absolute path: where each block came from. */
const converted = new Map<string, BlockLocation[]>();

/**
 * The Markdown of a plan file: converted from Word or PDF (the same size limit as Markdown
 * files applies to the converted text), or `readMarkdown(file)` for anything else. A file
 * that cannot be converted throws `toError(message)`.
 */
export function readPlanInput(file: string, readMarkdown: (file: string) => string, toError: (message: string) => Error, maxTextMB = DEFAULT_LIMITS.maxTextMB): string {
  if (!isConvertiblePath(file)) return readMarkdown(file);
  let result: Converted;
  try {
    result = convertFileSync(file, { ...DEFAULT_LIMITS, maxTextMB });
  } catch (e) {
    throw toError(e instanceof ConvertError ? e.message : `${file} could not be converted: ${e instanceof Error ? e.message : String(e)}`);
  }
  converted.set(path.resolve(file), result.blocks);
  return result.markdown;
}

/** The blocks of a converted file read by readPlanInput, if it was one. */
export function convertedBlocks(file: string): BlockLocation[] | undefined {
  return converted.get(path.resolve(file));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Located {
  file?: string;
  line?: number;
  where?: string;
}

/**
 * A report with positions in converted files given in the reader's terms: in text output
 * `plan.docx:12:3` becomes `plan.docx (heading "Workforce", paragraph 2)`; in JSON each
 * evidence, diagnostic and waiver in such a file gains `where`. Other formats are unchanged.
 */
export function wordPositions(report: string, format: string, uris: readonly string[], display: (uri: string) => string): string {
  const located = uris
    .map((uri) => ({ name: display(uri), blocks: convertedBlocks(uriToPath(uri) ?? uri) }))
    .filter((f): f is { name: string; blocks: BlockLocation[] } => f.blocks !== undefined);
  if (located.length === 0) return report;
  if (format === 'text') {
    for (const { name, blocks } of located) {
      const at = new RegExp(`${escapeRegExp(name)}:(\\d+)(?::\\d+)?`, 'g');
      report = report.replace(at, (_, line: string) => `${name} (${describeLine(blocks, Number(line) - 1)})`);
    }
    return report;
  }
  if (format !== 'json') return report;
  const byName = new Map(located.map((l) => [l.name, l.blocks]));
  const add = (x: Located | undefined) => {
    const blocks = x?.file !== undefined ? byName.get(x.file) : undefined;
    if (x && blocks && typeof x.line === 'number') x.where = describeLine(blocks, x.line - 1);
  };
  type PlanReport = { coverage?: { evidence?: Located[]; waiver?: Located }[]; diagnostics?: Located[] };
  // One plan, or several (`plans`, and `unassigned` files with their diagnostics).
  const json = JSON.parse(report) as PlanReport & { plans?: PlanReport[]; unassigned?: PlanReport[] };
  for (const plan of [json, ...(json.plans ?? []), ...(json.unassigned ?? [])]) {
    for (const c of plan.coverage ?? []) {
      for (const e of c.evidence ?? []) add(e);
      add(c.waiver);
    }
    for (const d of plan.diagnostics ?? []) add(d);
  }
  return JSON.stringify(json, null, 2) + '\n';
}

/**
 * `--format docx` and `--format docx-annex`: the Word report's bytes (built in the worker).
 * A Word file cannot go to standard output, so `output` is required.
 */
export function wordReport(plan: PlanAnalysis | readonly PlanAnalysis[], display: (uri: string) => string, format: 'docx' | 'docx-annex', output: string | undefined, toError: (message: string) => Error): Uint8Array {
  if (!output) throw toError(`--format ${format} writes a Word document: give --output FILE.docx`);
  const model = (p: PlanAnalysis) => docxReportModel(p, display, format === 'docx' ? 'report' : 'annex', new Date());
  try {
    // Several plans: one document, each plan in its own section.
    return buildDocxReportSync(Array.isArray(plan) ? (plan as readonly PlanAnalysis[]).map(model) : model(plan as PlanAnalysis));
  } catch (e) {
    throw toError(e instanceof ConvertError ? e.message : String(e));
  }
}
