/**
 * `PlanFiles` on the Node file system (fs.promises), for the language server in Node; and the
 * synchronous reads the command line uses. Only file: URIs name files here.
 */
import * as fs from 'node:fs';
import type { DirectoryEntry, FileStat, FileType, PlanFiles } from './files.js';
import { FileReadError } from './files.js';
import { catalogueUris, readErrorCode, type CatalogueTexts, type ProjectConfig } from './projectConfig.js';
import { RefusedRead, safeReadText, safeReadTextSync } from './safeRead.js';
import { pathToUri, uriToPath } from './uri.js';

function pathOf(uri: string): string {
  const file = uriToPath(uri);
  if (file === undefined) throw new FileReadError(uri, 'NotAFile');
  return file;
}

const errorCode = (uri: string, e: unknown) => new FileReadError(uri, e instanceof RefusedRead ? e.code : ((e as NodeJS.ErrnoException).code ?? String(e)));

const typeOf = (s: { isFile(): boolean; isDirectory(): boolean }): FileType => (s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other');

export const nodeFiles: PlanFiles = {
  async readText(uri, maxBytes) {
    try {
      return await safeReadText(pathOf(uri), maxBytes);
    } catch (e) {
      throw e instanceof FileReadError ? e : errorCode(uri, e);
    }
  },
  async stat(uri): Promise<FileStat | undefined> {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    try {
      // A symbolic link is 'other', not what it leads to: as in folder listings, links are not followed.
      const s = await fs.promises.lstat(file);
      return { type: typeOf(s), size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async list(folderUri): Promise<DirectoryEntry[]> {
    const folder = uriToPath(folderUri);
    if (folder === undefined) return [];
    try {
      return (await fs.promises.readdir(folder, { withFileTypes: true })).map((d) => ({ name: d.name, type: typeOf(d) }));
    } catch {
      return [];
    }
  },
  async realUri(uri) {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    try {
      return pathToUri(await fs.promises.realpath(file));
    } catch {
      return undefined;
    }
  },
};

/** The same reads, synchronous, for the command line (which runs start to end without an event loop to share). */
export const nodeFilesSync = {
  readText(uri: string, maxBytes?: number): string {
    try {
      return safeReadTextSync(pathOf(uri), maxBytes);
    } catch (e) {
      throw e instanceof FileReadError ? e : errorCode(uri, e);
    }
  },
  list(folderUri: string): DirectoryEntry[] {
    const folder = uriToPath(folderUri);
    try {
      return folder === undefined ? [] : fs.readdirSync(folder, { withFileTypes: true }).map((d) => ({ name: d.name, type: typeOf(d) }));
    } catch {
      return [];
    }
  },
};

/** The extra catalogues the configurations name, read from disk at once (the command line). */
export function readCataloguesSync(configs: readonly ProjectConfig[]): CatalogueTexts {
  const texts: CatalogueTexts = new Map();
  for (const uri of catalogueUris(configs)) {
    try {
      texts.set(uri, nodeFilesSync.readText(uri));
    } catch (e) {
      texts.set(uri, { error: readErrorCode(e) });
    }
  }
  return texts;
}
