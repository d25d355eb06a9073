/**
 * Running a conversion: reading the file (never writing it), checking its size and first
 * bytes, and converting it in a worker thread, so neither the language server nor the
 * editor waits on a large or hostile file; the Word report is built there too. The `Sync`
 * functions (for jfp-check, which is synchronous) block until the worker answers or the
 * time limit passes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DocxReportModel } from '../formats/docxModel.js';
import { ConvertError, DEFAULT_LIMITS, type Converted, type ConvertLimits } from './convert.js';

/** What the worker sends back (see here.ts). */
export type WorkerAnswer = { ok: true; converted: Converted } | { ok: true; bytes: Uint8Array } | { ok: false; message: string; reason: ConvertError['reason'] };

let workerScript: string | undefined;

/** Where the worker's script is (tests point at the compiled worker.js; the bundles find dist/convert.cjs). */
export function setConvertWorkerScript(script: string | undefined): void {
  workerScript = script;
}

function findWorkerScript(): string {
  if (typeof process === 'undefined' || !process.versions?.node) throw new ConvertError('Word and PDF files can be read only by the desktop extension and jfp-check, not in a browser.', 'unsupported');
  if (workerScript) return workerScript;
  const candidates: string[] = [];
  try {
    if (process.argv[1]) candidates.push(path.join(path.dirname(fs.realpathSync(process.argv[1])), 'convert.cjs'));
  } catch {
    // argv[1] is not a file (e.g. node -e): try the others
  }
  if (typeof __filename === 'string') candidates.push(path.join(path.dirname(__filename), 'convert.cjs'));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new ConvertError('the Word and PDF converter (dist/convert.cjs) is missing: rebuild jfp-assist (npm run build).', 'unreadable');
  return found;
}

const RESOURCES = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

/** A job for the worker: convert a file, or write the Word coverage report (of one plan, or of several, one section each). */
export type WorkerJob = { task: 'convert'; file: string; limits: ConvertLimits } | { task: 'docx'; model: DocxReportModel | readonly DocxReportModel[] };

function crashMessage(name: string, e: unknown): WorkerAnswer {
  const oom = e instanceof Error && 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY';
  return { ok: false, message: oom ? `${name} is too large or too complex to convert.` : `${name} could not be converted: ${e instanceof Error ? e.message : String(e)}`, reason: oom ? 'too-large' : 'corrupt' };
}

function timeoutMessage(name: string, timeoutMs: number): WorkerAnswer {
  return { ok: false, message: `${name} took longer than ${Math.round(timeoutMs / 1000)} seconds to convert and was abandoned.`, reason: 'timeout' };
}

/** Runs a job in a new worker thread; never rejects (failures are answers). */
export function runJob(job: WorkerJob, name: string, timeoutMs: number): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(findWorkerScript(), { workerData: job, resourceLimits: RESOURCES, stdout: true, stderr: true });
    } catch (e) {
      resolve(e instanceof ConvertError ? { ok: false, message: e.message, reason: e.reason } : crashMessage(name, e));
      return;
    }
    let settled = false;
    const settle = (answer: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => settle(timeoutMessage(name, timeoutMs)), timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => settle(answer));
    worker.once('error', (e) => settle(crashMessage(name, e)));
    worker.once('exit', () => settle(crashMessage(name, new Error('the converter stopped'))));
  });
}

/** runJob, blocking this thread until the worker answers or the time is up (jfp-check only). */
export function runJobSync(job: WorkerJob, name: string, timeoutMs: number): WorkerAnswer {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(findWorkerScript(), { workerData: { ...job, signal, port: port2 }, transferList: [port2], resourceLimits: RESOURCES, stdout: true, stderr: true });
  } catch (e) {
    port1.close();
    return e instanceof ConvertError ? { ok: false, message: e.message, reason: e.reason } : crashMessage(name, e);
  }
  try {
    const waited = Atomics.wait(signal, 0, 0, timeoutMs);
    const message = receiveMessageOnPort(port1)?.message as WorkerAnswer | undefined;
    return message ?? (waited === 'timed-out' ? timeoutMessage(name, timeoutMs) : crashMessage(name, new Error('the converter stopped')));
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function converted(answer: WorkerAnswer): Converted {
  if (!answer.ok) throw new ConvertError(answer.message, answer.reason);
  if (!('converted' in answer)) throw new ConvertError('the converter gave no text', 'corrupt');
  return answer.converted;
}

function bytes(answer: WorkerAnswer): Uint8Array {
  if (!answer.ok) throw new ConvertError(answer.message, answer.reason);
  if (!('bytes' in answer)) throw new ConvertError('the converter gave no document', 'corrupt');
  return answer.bytes;
}

/** Converts a Word or PDF file in a worker thread; rejects with a ConvertError. */
export async function convertFile(file: string, limits: ConvertLimits = DEFAULT_LIMITS): Promise<Converted> {
  return converted(await runJob({ task: 'convert', file: path.resolve(file), limits }, path.basename(file), limits.timeoutMs));
}

/** convertFile, blocking until done (jfp-check only). */
export function convertFileSync(file: string, limits: ConvertLimits = DEFAULT_LIMITS): Converted {
  return converted(runJobSync({ task: 'convert', file: path.resolve(file), limits }, path.basename(file), limits.timeoutMs));
}

/** The Word coverage report's bytes, built in a worker thread; rejects with a ConvertError. */
export async function buildDocxReport(model: DocxReportModel): Promise<Uint8Array> {
  return bytes(await runJob({ task: 'docx', model }, 'the Word report', DEFAULT_LIMITS.timeoutMs));
}

/** buildDocxReport, blocking until done (jfp-check only); several models make one document, a section each. */
export function buildDocxReportSync(model: DocxReportModel | readonly DocxReportModel[]): Uint8Array {
  return bytes(runJobSync({ task: 'docx', model }, 'the Word report', DEFAULT_LIMITS.timeoutMs));
}

/** What the language server needs for Word and PDF (given to it by main.ts). */
export const nodeWordPdf = {
  convert: convertFile,
  docxBase64: async (model: DocxReportModel): Promise<string> => Buffer.from(await buildDocxReport(model)).toString('base64'),
};
