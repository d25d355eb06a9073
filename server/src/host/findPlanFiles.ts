import * as fs from 'node:fs';
import * as path from 'node:path';
import { frontMatterDeclaresPlan, isMarkdownPath } from '../analysis/data/planFiles.js';

/** Folders never searched for plan files. */
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

/**
 * The files under a folder that `accept` takes (given the file's name, its folder-relative
 * path with forward slashes, and its absolute path). Hidden and build folders are skipped,
 * and at most `limit` directory entries are visited. Returns sorted absolute paths.
 */
export function walkFiles(folder: string, accept: (name: string, relativePath: string, full: string) => boolean, limit = 20000): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++visited > limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && accept(entry.name, path.relative(folder, full).split(path.sep).join('/'), full)) {
        found.push(full);
      }
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * The plan files under a folder: Markdown files whose folder-relative path matches the plan
 * globs, or whose front matter declares a plan (see walkFiles for what is searched).
 */
export function findPlanFiles(folder: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): string[] {
  return walkFiles(folder, (name, relative, full) => isMarkdownPath(name) && (isPlanPath(relative) || frontMatterDeclaresPlan(readHead(full))), limit);
}

/** The first few KB of a file: enough to read its front matter. */
function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
