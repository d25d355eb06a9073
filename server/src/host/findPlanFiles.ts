/**
 * The plan files under a folder: Markdown files whose folder-relative path matches the plan
 * globs, or whose front matter declares a plan (and, for jfp-check, Word and PDF files: see
 * convert/files.ts). Hidden and build folders are skipped, and at most `limit` directory
 * entries are visited.
 *
 * The walk is written once, as a generator that says which folder it needs listed or which
 * file's start it needs read; `findPlanFiles` answers through `PlanFiles` (the server: never
 * blocks), `findFilesSync` from the disk at once (the command line).
 */
import { frontMatterDeclaresPlan, isMarkdownPath } from '../analysis/data/planFiles.js';
import type { DirectoryEntry, PlanFiles } from './files.js';
import { childUri } from './uri.js';

/** Folders never searched for plan files. */
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Enough of a file to read its front matter. */
const HEAD_BYTES = 4096;

type Need = { list: string } | { head: string };
type Answer = DirectoryEntry[] | string;

/**
 * Which files the walk takes, given the path relative to the folder ('/' separated) and the
 * file's name: true, false, or 'head' to take it when its opening text declares a plan.
 */
export type FilePick = (relativePath: string, name: string) => boolean | 'head';

/** What the walk found: the files taken, and the Markdown files looked at and not taken ("others": a main document may list them). */
export interface Found {
  found: string[];
  others: string[];
}

function* search(folderUri: string, pick: FilePick, limit: number): Generator<Need, Found, Answer> {
  const found: string[] = [];
  const others: string[] = [];
  let visited = 0;
  function* walk(dir: string, prefix: string): Generator<Need, void, Answer> {
    const entries = (yield { list: dir }) as DirectoryEntry[];
    for (const entry of entries) {
      if (++visited > limit) return;
      const uri = childUri(dir, entry.name);
      const relative = prefix + entry.name;
      if (entry.type === 'directory') {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* walk(uri, relative + '/');
      } else if (entry.type === 'file') {
        const take = pick(relative, entry.name);
        if (take === true || (take === 'head' && frontMatterDeclaresPlan((yield { head: uri }) as string))) found.push(uri);
        else if (take === 'head') others.push(uri);
      }
    }
  }
  yield* walk(folderUri, '');
  return { found: found.sort(), others: others.sort() };
}

/** Markdown plan files: matching the plan globs, or declaring a plan in their opening text. */
function planFilePick(isPlanPath: (relativePath: string) => boolean): FilePick {
  return (relative, name) => isMarkdownPath(name) && (isPlanPath(relative) || 'head');
}

/** The plan files under a folder, as sorted URIs. */
export async function findPlanFiles(files: PlanFiles, folderUri: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): Promise<string[]> {
  return (await findPlanFilesAndOthers(files, folderUri, isPlanPath, limit)).found;
}

/** The plan files under a folder, and its other Markdown files, as sorted URIs. */
export async function findPlanFilesAndOthers(files: PlanFiles, folderUri: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): Promise<Found> {
  const steps = search(folderUri, planFilePick(isPlanPath), limit);
  let step = steps.next([]);
  while (!step.done) {
    const need = step.value;
    step = steps.next('list' in need ? await files.list(need.list) : await files.readText(need.head, HEAD_BYTES).catch(() => ''));
  }
  return step.value;
}

type SyncFiles = { list(uri: string): DirectoryEntry[]; readText(uri: string, maxBytes?: number): string };

/** The same search, answered synchronously (the command line). */
export function findPlanFilesSync(files: SyncFiles, folderUri: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): string[] {
  return findPlanFilesAndOthersSync(files, folderUri, isPlanPath, limit).found;
}

/** The plan files and the other Markdown files, answered synchronously. */
export function findPlanFilesAndOthersSync(files: SyncFiles, folderUri: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): Found {
  return walkSync(files, folderUri, planFilePick(isPlanPath), limit);
}

/** The walk with any pick, answered synchronously (the command line; convert/files.ts finds Word and PDF files with it). */
export function findFilesSync(files: SyncFiles, folderUri: string, pick: FilePick, limit = 20000): string[] {
  return walkSync(files, folderUri, pick, limit).found;
}

function walkSync(files: SyncFiles, folderUri: string, pick: FilePick, limit: number): Found {
  const steps = search(folderUri, pick, limit);
  let step = steps.next([]);
  while (!step.done) {
    const need = step.value;
    step = steps.next('list' in need ? files.list(need.list) : readOrEmpty(() => files.readText(need.head, HEAD_BYTES)));
  }
  return step.value;
}

function readOrEmpty(read: () => string): string {
  try {
    return read();
  } catch {
    return '';
  }
}
