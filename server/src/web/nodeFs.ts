/**
 * Browser stand-in for `node:fs`, used only by the web bundle (scripts/bundle.mjs maps
 * `node:fs` here). There is no file system in a web worker: every read fails, which the
 * server already treats as "no such file", so plan files on disk, .jfp.json and extra
 * catalogues are simply not read. Only documents open in the editor are analysed.
 */
function unavailable(): never {
  throw new Error('There is no file system in the browser.');
}

export const readFileSync = unavailable;
export const readdirSync = unavailable;
export const statSync = unavailable;
export const realpathSync = unavailable;
export const openSync = unavailable;
export const readSync = unavailable;
export const closeSync = (): void => undefined;
export const existsSync = (): boolean => false;
