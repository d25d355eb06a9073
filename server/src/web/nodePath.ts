/**
 * Browser stand-in for `node:path` (POSIX forms only), used only by the web bundle. In the
 * browser the server never reads files, so this only has to be correct for '/' paths.
 */
export const sep = '/';

function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function join(...parts: string[]): string {
  return normalise(parts);
}

export function resolve(...parts: string[]): string {
  let start = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]!.startsWith('/')) {
      start = i;
      break;
    }
  }
  return normalise(parts.slice(start));
}

export function dirname(p: string): string {
  const n = normalise([p]);
  return n.slice(0, n.lastIndexOf('/')) || '/';
}

export function basename(p: string): string {
  const n = normalise([p]);
  return n.slice(n.lastIndexOf('/') + 1);
}

export function relative(from: string, to: string): string {
  const a = normalise([from]).split('/').filter(Boolean);
  const b = normalise([to]).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** `path.posix`: these functions already are the POSIX forms. */
export const posix = { sep, join, resolve, dirname, basename, relative };
