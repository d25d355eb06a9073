/**
 * Running a conversion: reading the file (never writing it), checking its size and first
 * bytes, and converting it in a worker thread, so neither the language server nor the
 * editor waits on a large or hostile file. `convertFileSync` (for jfp-check, which is
 * synchronous) blocks until the worker answers or the time limit passes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { ConvertError, DEFAULT_LIMITS, type Converted, type ConvertLimits } from './convert.js';

/** What the worker sends back (see here.ts). */
export type WorkerAnswer = { ok: true; converted: Converted } | { ok: false; message: string; reason: ConvertError['reason'] };

let workerScript: string | undefined;

/** Where the worker's script is (tests point at the compiled worker.js; the bundles find dist/convert.cjs). */
export function setConvertWorkerScript(script: string | undefined): void {
  workerScript = script;
}

function findWorkerScript(): string {
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

function fromAnswer(answer: WorkerAnswer): Converted {
  if (answer.ok) return answer.converted;
  throw new ConvertError(answer.message, answer.reason);
}

function timeoutError(file: string, limits: ConvertLimits): ConvertError {
  return new ConvertError(`${path.basename(file)} took longer than ${Math.round(limits.timeoutMs / 1000)} seconds to convert and was abandoned.`, 'timeout');
}

function crashError(file: string, e: unknown): ConvertError {
  const oom = e instanceof Error && 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY';
  return new ConvertError(oom ? `${path.basename(file)} is too large or too complex to convert.` : `${path.basename(file)} could not be converted: ${e instanceof Error ? e.message : String(e)}`, oom ? 'too-large' : 'corrupt');
}

/** Converts a Word or PDF file in a worker thread; rejects with a ConvertError. */
export function convertFile(file: string, limits: ConvertLimits = DEFAULT_LIMITS): Promise<Converted> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(findWorkerScript(), { workerData: { file: path.resolve(file), limits }, resourceLimits: RESOURCES, stdout: true, stderr: true });
    } catch (e) {
      reject(e instanceof ConvertError ? e : crashError(file, e));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(timeoutError(file, limits))), limits.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => settle(() => (answer.ok ? resolve(answer.converted) : reject(new ConvertError(answer.message, answer.reason)))));
    worker.once('error', (e) => settle(() => reject(crashError(file, e))));
    worker.once('exit', () => settle(() => reject(crashError(file, new Error('the converter stopped')))));
  });
}

/** convertFile, blocking this thread until the worker answers (jfp-check only). */
export function convertFileSync(file: string, limits: ConvertLimits = DEFAULT_LIMITS): Converted {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(findWorkerScript(), {
      workerData: { file: path.resolve(file), limits, signal: shared, port: port2 },
      transferList: [port2],
      resourceLimits: RESOURCES,
      stdout: true,
      stderr: true,
    });
  } catch (e) {
    throw e instanceof ConvertError ? e : crashError(file, e);
  }
  try {
    const waited = Atomics.wait(shared, 0, 0, limits.timeoutMs);
    const message = receiveMessageOnPort(port1)?.message as WorkerAnswer | undefined;
    if (message) return fromAnswer(message);
    throw waited === 'timed-out' ? timeoutError(file, limits) : crashError(file, new Error('the converter stopped'));
  } finally {
    port1.close();
    void worker.terminate();
  }
}
