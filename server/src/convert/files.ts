/**
 * Finding Word and PDF plans in folders and globs (jfp-check). File names only: nothing is
 * read here, so this module is safe in every bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isConvertiblePath } from './convert.js';

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

/**
 * Word and PDF files under a folder whose folder-relative path matches `isMatch` (called with
 * the path as is, and unless `asMarkdown` is false with the extension changed to .md, so that the plan globs such as
 * `**\/*forward-plan*.md` also find `joint-forward-plan.docx`). Sorted absolute paths.
 */
export function findConvertibleFiles(folder: string, isMatch: (relativePath: string) => boolean, limit = 20000, asMarkdown = true): string[] {
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
      } else if (entry.isFile() && isConvertiblePath(entry.name) && !entry.name.startsWith('~$')) {
        // Word's lock files (~$name.docx) are skipped.
        const relative = path.relative(folder, full).split(path.sep).join('/');
        if (isMatch(relative) || (asMarkdown && isMatch(relative.replace(/\.(docx|pdf)$/i, '.md')))) found.push(full);
      }
    }
  };
  walk(folder);
  return found.sort();
}
