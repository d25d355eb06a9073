/**
 * Bounded reads of one file on the Node file system, for nodeFiles.ts. A file is opened
 * without blocking (a FIFO with no writer would otherwise block the server for ever), and
 * read only when it is a regular file within MAX_READ_BYTES; anything else (a FIFO, a
 * device such as /dev/zero, a folder, a socket, a file over the limit) is refused with a
 * code that says why, and nothing is read from it.
 *
 * The read is written once, as steps that say what they need from the open file (its status,
 * or bytes at a position); `safeReadText` answers them with fs.promises (the server never
 * blocks), `safeReadTextSync` at once (the command line).
 */
import * as fs from 'node:fs';

/** The most the server reads from one file (plans, .jfp.json, catalogues). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export const NOT_REGULAR = 'not a regular file (a FIFO, device or folder)';
export const TOO_LARGE = `larger than ${MAX_READ_BYTES / 1024 / 1024} MB`;

const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export class RefusedRead extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Need = { stat: true } | { buffer: Buffer; offset: number; length: number };
type Answer = fs.Stats | number;

/** The reading of an open file, one need at a time: its status, then bytes until the length or the end. */
function* readSteps(maxBytes: number | undefined): Generator<Need, string, Answer> {
  const stat = (yield { stat: true }) as fs.Stats;
  if (!stat.isFile()) throw new RefusedRead(NOT_REGULAR);
  if (maxBytes === undefined && stat.size > MAX_READ_BYTES) throw new RefusedRead(TOO_LARGE);
  const length = Math.min(maxBytes ?? MAX_READ_BYTES, stat.size);
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = (yield { buffer, offset: read, length: length - read }) as number;
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read).toString('utf8');
}

/** The file's text (at most maxBytes bytes of it); rejects with RefusedRead or the file system's error. */
export async function safeReadText(file: string, maxBytes?: number): Promise<string> {
  const handle = await fs.promises.open(file, FLAGS);
  try {
    const steps = readSteps(maxBytes);
    let step = steps.next(0);
    while (!step.done) {
      const need = step.value;
      step = steps.next('stat' in need ? await handle.stat() : (await handle.read(need.buffer, need.offset, need.length, need.offset)).bytesRead);
    }
    return step.value;
  } finally {
    await handle.close();
  }
}

/** The same, synchronous (for the command line). */
export function safeReadTextSync(file: string, maxBytes?: number): string {
  const fd = fs.openSync(file, FLAGS);
  try {
    const steps = readSteps(maxBytes);
    let step = steps.next(0);
    while (!step.done) {
      const need = step.value;
      step = steps.next('stat' in need ? fs.fstatSync(fd) : fs.readSync(fd, need.buffer, need.offset, need.length, need.offset));
    }
    return step.value;
  } finally {
    fs.closeSync(fd);
  }
}
