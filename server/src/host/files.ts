/**
 * Files behind an interface: the server reads plan files, .jfp.json and extra catalogues
 * only through `PlanFiles`, by URI. In Node it is the file system (nodeFiles.ts); in a web
 * worker the client reads them (web/clientFiles.ts). Tests use an in-memory one.
 */
import type { DirectoryEntry, FileStat } from '../../../shared/protocol.js';

export type { DirectoryEntry, FileStat, FileType } from '../../../shared/protocol.js';

export interface PlanFiles {
  /** The text of a file (UTF-8), or at most its first `maxBytes` bytes. Rejects with a FileReadError. */
  readText(uri: string, maxBytes?: number): Promise<string>;
  /** What is at the URI, or undefined when there is nothing. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** The entries of a folder; empty when it cannot be listed. */
  list(folderUri: string): Promise<DirectoryEntry[]>;
  /** Where a URI really leads, every symbolic link followed; undefined when nothing is there. Absent where there are no links (a web worker). */
  realUri?(uri: string): Promise<string | undefined>;
}

/** A file that cannot be read; `code` says why (e.g. ENOENT, FileNotFound). */
export class FileReadError extends Error {
  constructor(
    readonly uri: string,
    readonly code: string,
  ) {
    super(`cannot read ${uri}: ${code}`);
  }
}

/** No files at all: only the documents open in the editor are analysed. */
export const NO_FILES: PlanFiles = {
  readText: (uri) => Promise.reject(new FileReadError(uri, 'FileNotFound')),
  stat: () => Promise.resolve(undefined),
  list: () => Promise.resolve([]),
};
