/**
 * Bounded reads of one file on the Node file system, for nodeFiles.ts. A file is opened
 * without blocking (a FIFO with no writer would otherwise block the server for ever), and
 * read only when it is a regular file within MAX_READ_BYTES; anything else (a FIFO, a
 * device such as /dev/zero, a folder, a socket, a file over the limit) is refused with a
 * code that says why, and nothing is read from it.
 */
import * as fs from 'node:fs';

/** The most the server reads from one file (plans, .jfp.json, catalogues). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export const NOT_REGULAR = 'not a regular file (a FIFO, device or folder)';
export const TOO_LARGE = `larger than ${MAX_READ_BYTES / 1024 / 1024} MB`;

const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a file must not be read, from its status; undefined when it may be. */
function refusal(stat: fs.Stats, maxBytes: number | undefined): string | undefined {
  if (!stat.isFile()) return NOT_REGULAR;
  if (maxBytes === undefined && stat.size > MAX_READ_BYTES) return TOO_LARGE;
  return undefined;
}

export class RefusedRead extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The file's text (at most maxBytes bytes of it); rejects with RefusedRead or the file system's error. */
export async function safeReadText(file: string, maxBytes?: number): Promise<string> {
  const handle = await fs.promises.open(file, FLAGS);
  try {
    const stat = await handle.stat();
    const refused = refusal(stat, maxBytes);
    if (refused) throw new RefusedRead(refused);
    const length = Math.min(maxBytes ?? MAX_READ_BYTES, stat.size);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The same, synchronous (for the command line). */
export function safeReadTextSync(file: string, maxBytes?: number): string {
  const fd = fs.openSync(file, FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    const refused = refusal(stat, maxBytes);
    if (refused) throw new RefusedRead(refused);
    const length = Math.min(maxBytes ?? MAX_READ_BYTES, stat.size);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
