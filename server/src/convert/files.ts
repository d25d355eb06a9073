/**
 * Finding Word and PDF plans in folders and globs (jfp-check), by file name only, with the
 * same folder walk as Markdown plan files (host/findPlanFiles.ts).
 */
import { findFilesSync } from '../host/findPlanFiles.js';
import { nodeFilesSync } from '../host/nodeFiles.js';
import { pathToUri, uriToPath } from '../host/uri.js';
import { isConvertiblePath } from './convert.js';

/**
 * Word and PDF files under a folder whose folder-relative path matches `isMatch` (called with
 * the path as is, and unless `asMarkdown` is false with the extension changed to .md, so that the plan globs such as
 * `**\/*forward-plan*.md` also find `joint-forward-plan.docx`). Word's lock files (~$name.docx) are skipped. Sorted absolute paths.
 */
export function findConvertibleFiles(folder: string, isMatch: (relativePath: string) => boolean, limit = 20000, asMarkdown = true): string[] {
  const pick = (relative: string, name: string) =>
    isConvertiblePath(name) && !name.startsWith('~$') && (isMatch(relative) || (asMarkdown && isMatch(relative.replace(/\.(docx|pdf)$/i, '.md'))));
  return findFilesSync(nodeFilesSync, pathToUri(folder), pick, limit).flatMap((uri) => uriToPath(uri) ?? []);
}
