/**
 * Converting a file in the current thread: what the worker (worker.ts) runs. Everything
 * else calls run.ts, which starts the worker, so that the converters' libraries are loaded
 * only there (and only bundled in dist/convert.cjs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSignature, ConvertError, DEFAULT_LIMITS, sourceKind, type Converted, type ConvertLimits } from './convert.js';
import { convertDocx } from './docx.js';
import { convertPdf } from './pdf.js';
import { buildDocx } from '../formats/docx.js';
import { buildDocxPlans } from '../formats/docxPlans.js';
import type { WorkerAnswer, WorkerJob } from './run.js';
import type { DocxReportModel } from '../formats/docxModel.js';

/** Converts a file in this thread (what the worker runs). */
export async function convertFileHere(file: string, limits: ConvertLimits = DEFAULT_LIMITS): Promise<Converted> {
  const name = path.basename(file);
  const kind = sourceKind(file);
  if (!kind) throw new ConvertError(`${name} is not a Word (.docx) or PDF file.`, 'unsupported');
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    throw new ConvertError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, 'unreadable');
  }
  if (size > limits.maxInputBytes) {
    throw new ConvertError(`${name} is too large to convert (${(size / 1048576).toFixed(1)} MB; the limit is ${Math.round(limits.maxInputBytes / 1048576)} MB).`, 'too-large');
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new ConvertError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, 'unreadable');
  }
  checkSignature(name, kind, bytes);
  switch (kind) {
    case 'docx':
      return convertDocx(name, bytes, limits);
    case 'pdf':
      return convertPdf(name, bytes, limits);
  }
}

/** Runs convertFileHere and turns any failure into a WorkerAnswer (used by the worker). */
export async function answerFor(file: string, limits: ConvertLimits): Promise<WorkerAnswer> {
  try {
    return { ok: true, converted: await convertFileHere(file, limits) };
  } catch (e) {
    if (e instanceof ConvertError) return { ok: false, message: e.message, reason: e.reason };
    return { ok: false, message: `${path.basename(file)} could not be converted: ${e instanceof Error ? e.message : String(e)}`, reason: 'corrupt' };
  }
}

/** Runs a worker job and turns any failure into an answer. */
export async function answerJob(job: WorkerJob): Promise<WorkerAnswer> {
  if (job.task === 'convert') return answerFor(job.file, job.limits);
  try {
    return { ok: true, bytes: Array.isArray(job.model) ? await buildDocxPlans(job.model) : await buildDocx(job.model as DocxReportModel) };
  } catch (e) {
    return { ok: false, message: `the Word report could not be written: ${e instanceof Error ? e.message : String(e)}`, reason: 'corrupt' };
  }
}
