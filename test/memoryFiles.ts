/** PlanFiles in memory, for tests: files by URI, folders implied by their paths. */
import { FileReadError, type DirectoryEntry, type FileStat, type PlanFiles } from '../server/src/host/files.js';
import { uriKey } from '../server/src/host/uri.js';

export class MemoryFiles implements PlanFiles {
  private readonly files = new Map<string, { text: string; mtime: number }>();
  private clock = 1;
  /** Every call, e.g. 'read file:///w/a.md', so tests can see what was read. */
  readonly calls: string[] = [];

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.write(uri, text);
  }

  write(uri: string, text: string): void {
    this.files.set(uriKey(uri), { text, mtime: this.clock++ });
  }

  delete(uri: string): void {
    this.files.delete(uriKey(uri));
  }

  readText(uri: string, maxBytes?: number): Promise<string> {
    this.calls.push(`read ${uri}`);
    const file = this.files.get(uriKey(uri));
    if (!file) return Promise.reject(new FileReadError(uri, 'FileNotFound'));
    return Promise.resolve(maxBytes === undefined ? file.text : file.text.slice(0, maxBytes));
  }

  stat(uri: string): Promise<FileStat | undefined> {
    this.calls.push(`stat ${uri}`);
    const key = uriKey(uri);
    const file = this.files.get(key);
    if (file) return Promise.resolve({ type: 'file', size: file.text.length, mtime: file.mtime });
    const isFolder = [...this.files.keys()].some((k) => k.startsWith(key.replace(/\/$/, '') + '/'));
    return Promise.resolve(isFolder ? { type: 'directory', size: 0, mtime: 0 } : undefined);
  }

  list(folderUri: string): Promise<DirectoryEntry[]> {
    this.calls.push(`list ${folderUri}`);
    const prefix = uriKey(folderUri).replace(/\/$/, '') + '/';
    const entries = new Map<string, DirectoryEntry>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length).split('/');
      const name = decodeURIComponent(rest[0]!);
      entries.set(name, { name, type: rest.length > 1 ? 'directory' : 'file' });
    }
    return Promise.resolve([...entries.values()]);
  }
}
