/**
 * Browser stand-in for `node:worker_threads`, used only by the web bundle: Word and PDF
 * files are converted in a Node worker thread (server/src/convert/run.ts), which a browser
 * does not have, so starting one fails with a clear message.
 */
export const WORD_PDF_WEB_MESSAGE = 'Word and PDF files can be read only by the desktop extension and jfp-check, not in a browser.';

export class Worker {
  constructor() {
    throw new Error(WORD_PDF_WEB_MESSAGE);
  }
}

export const MessageChannel = globalThis.MessageChannel;

export function receiveMessageOnPort(): undefined {
  return undefined;
}

export const parentPort = null;
export const workerData = undefined;
