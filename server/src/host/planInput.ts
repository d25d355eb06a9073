/**
 * Reading a plan from paths given on the command line (or picked in the editor): files as
 * given, folders searched for plan files, glob patterns expanded, on every platform.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { planFileMatcher } from '../analysis/data/planFiles.js';
import { findPlanFilesAndOthersSync } from './findPlanFiles.js';
import { nodeFilesSync } from './nodeFiles.js';
import { inputProblem } from './previousPlan.js';
import { pathToUri, uriToPath } from './uri.js';
import { looksBinary } from '../analysis/limits.js';
import { findConvertibleFiles } from '../convert/files.js';

export class UsageError extends Error {}

/** True when a path argument is a glob pattern rather than a file or folder name. */
export function isGlob(p: string): boolean {
  return picomatch.scan(p.replace(/\\/g, '/')).isGlob;
}

/** Markdown files matching a glob (forward or back slashes), relative to `cwd` unless absolute. */
export function expandGlob(pattern: string, cwd = process.cwd()): string[] {
  const normal = pattern.replace(/\\/g, '/');
  const { base, glob } = picomatch.scan(normal);
  const root = path.resolve(cwd, base || '.');
  const isMatch = picomatch(glob, { dot: false, nocase: process.platform === 'win32' });
  const found = findPlanFilesIn(root, (relative) => isMatch(relative)).found.filter((f) => isMatch(path.relative(root, f).split(path.sep).join('/')));
  return [...found, ...findConvertibleFiles(root, isMatch, Infinity, false)];
}

/** Plan files named by the paths: files as given; folders searched; globs expanded. Sorted, unique, absolute. */
export function collectFiles(paths: readonly string[], globs: readonly string[], cwd = process.cwd()): string[] {
  return collectFilesAndOthers(paths, globs, cwd).files;
}

/**
 * The same, and the other Markdown files of the folders searched (sorted absolute paths),
 * which a main document's front matter may list as part of its plan.
 */
export function collectFilesAndOthers(paths: readonly string[], globs: readonly string[], cwd = process.cwd()): { files: string[]; others: string[] } {
  const isPlanPath = planFileMatcher(globs);
  const out = new Set<string>();
  const others = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(cwd, p));
    } catch {
      stat = undefined;
    }
    if (!stat && isGlob(p)) {
      const found = expandGlob(p, cwd);
      if (found.length === 0) throw new UsageError(`no Markdown files match ${p}`);
      for (const f of found) out.add(f);
      continue;
    }
    if (!stat) throw new UsageError(inputProblem.noSuchPath(p));
    if (stat.isFile()) {
      out.add(path.resolve(cwd, p));
      continue;
    }
    const markdown = findPlanFilesIn(path.resolve(cwd, p), isPlanPath);
    const found = [...markdown.found, ...findConvertibleFiles(path.resolve(cwd, p), isPlanPath, Infinity)];
    if (found.length === 0) throw new UsageError(inputProblem.noPlanFiles(p));
    for (const f of found) out.add(path.resolve(f));
    for (const f of markdown.others) others.add(path.resolve(f));
  }
  return { files: [...out].sort(), others: [...others].filter((f) => !out.has(f)).sort() };
}

/** The plan files under a folder on disk, and its other Markdown files, as paths (no limit: the user named the folder). */
function findPlanFilesIn(folder: string, isPlanPath: (relativePath: string) => boolean): { found: string[]; others: string[] } {
  const { found, others } = findPlanFilesAndOthersSync(nodeFilesSync, pathToUri(folder), isPlanPath, Infinity);
  const toPath = (uri: string) => uriToPath(uri)!;
  return { found: found.map(toPath), others: others.map(toPath) };
}

/** The text of a plan file; a UsageError when it cannot be read or is not text. */
export function readPlanFile(file: string): string {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(inputProblem.cannotRead(file, e instanceof Error ? e.message : String(e)));
  }
  const text = buffer.toString('utf8');
  // The same test as the editor's (limits.ts): NUL bytes, or many characters that are not valid UTF-8.
  if (looksBinary(text)) throw new UsageError(inputProblem.notText(file));
  return text;
}
