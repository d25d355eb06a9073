/**
 * Finding Word and PDF plans in folders and globs (jfp-check). File names only: nothing is
 * read here, so this module is safe in every bundle.
 */
import { walkFiles } from '../host/findPlanFiles.js';
import { isConvertiblePath } from './convert.js';

/**
 * Word and PDF files under a folder whose folder-relative path matches `isMatch` (called with
 * the path as is, and unless `asMarkdown` is false with the extension changed to .md, so that
 * the plan globs such as `**\/*forward-plan*.md` also find `joint-forward-plan.docx`). Word's
 * lock files (`~$...`) are skipped. Sorted absolute paths.
 */
export function findConvertibleFiles(folder: string, isMatch: (relativePath: string) => boolean, limit = 20000, asMarkdown = true): string[] {
  return walkFiles(
    folder,
    (name, relative) => isConvertiblePath(name) && !name.startsWith('~$') && (isMatch(relative) || (asMarkdown && isMatch(relative.replace(/\.(docx|pdf)$/i, '.md')))),
    limit,
  );
}
