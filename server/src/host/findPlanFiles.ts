/**
 * The plan files under a folder: Markdown files whose folder-relative path matches the plan
 * globs, or whose front matter declares a plan. Hidden and build folders are skipped, and at
 * most `limit` directory entries are visited.
 *
 * The search is written once, as a generator that says which folder it needs listed or which
 * file's start it needs read; `findPlanFiles` answers through `PlanFiles` (the server: never
 * blocks), `findPlanFilesSync` from the disk at once (the command line).
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

function* search(folderUri: string, isPlanPath: (relativePath: string) => boolean, limit: number): Generator<Need, string[], Answer> {
  const found: string[] = [];
  let visited = 0;
  function* walk(dir: string, prefix: string): Generator<Need, void, Answer> {
    const entries = (yield { list: dir }) as DirectoryEntry[];
    for (const entry of entries) {
      if (++visited > limit) return;
      const uri = childUri(dir, entry.name);
      const relative = prefix + entry.name;
      if (entry.type === 'directory') {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* walk(uri, relative + '/');
      } else if (entry.type === 'file' && isMarkdownPath(entry.name)) {
        if (isPlanPath(relative) || frontMatterDeclaresPlan((yield { head: uri }) as string)) found.push(uri);
      }
    }
  }
  yield* walk(folderUri, '');
  return found.sort();
}

/** The plan files under a folder, as sorted URIs. */
export async function findPlanFiles(files: PlanFiles, folderUri: string, isPlanPath: (relativePath: string) => boolean, limit = 20000): Promise<string[]> {
  const steps = search(folderUri, isPlanPath, limit);
  let step = steps.next([]);
  while (!step.done) {
    const need = step.value;
    step = steps.next('list' in need ? await files.list(need.list) : await files.readText(need.head, HEAD_BYTES).catch(() => ''));
  }
  return step.value;
}

/** The same search, answered synchronously (the command line). */
export function findPlanFilesSync(
  files: { list(uri: string): DirectoryEntry[]; readText(uri: string, maxBytes?: number): string },
  folderUri: string,
  isPlanPath: (relativePath: string) => boolean,
  limit = 20000,
): string[] {
  const steps = search(folderUri, isPlanPath, limit);
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
