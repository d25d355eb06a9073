/**
 * Document URIs and file paths: the one place where the two are converted, so that every
 * part of the server (and the CLI) names a file the same way. Uses vscode-uri, so it runs in
 * Node and in a browser worker alike.
 */
import { URI, Utils } from 'vscode-uri';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return URI.file(p).toString();
}

/** A stable key for a URI, so that differently escaped forms of one file agree. */
export function uriKey(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** The URI of a path relative to a folder's URI ('/' or '\\' separated; '..' allowed; an absolute path stays absolute). */
export function resolveUri(folderUri: string, relative: string): string {
  const folder = URI.parse(folderUri);
  const p = relative.replace(/\\/g, '/');
  if (folder.scheme === 'file' && (p.startsWith('/') || /^[A-Za-z]:\//.test(p))) return URI.file(p).toString();
  return Utils.resolvePath(folder, p).toString();
}

/** The entry `name` in a folder. */
export function childUri(folderUri: string, name: string): string {
  return Utils.joinPath(URI.parse(folderUri), name).toString();
}

/** A URI's path below a folder's, '/' separated (undefined when it is not inside the folder). */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const folder = URI.parse(folderUri);
  const target = URI.parse(uri);
  if (folder.scheme !== target.scheme || folder.authority !== target.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return target.path.startsWith(base) ? target.path.slice(base.length) : undefined;
}

/** The last segment of a URI's path. */
export function baseName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** The '/' path from the folder of the file `from` to `to` (both absolute '/' paths), like path.posix.relative. */
export function relativeFrom(from: string, to: string): string {
  const a = from.split('/').filter(Boolean).slice(0, -1);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The innermost of the folders (URI keys without a trailing slash) that contains the URI. */
export function innermostFolder(folders: readonly string[], uri: string): string | undefined {
  const key = uriKey(uri);
  let best: string | undefined;
  for (const f of folders) if ((key === f || key.startsWith(f + '/')) && (!best || f.length > best.length)) best = f;
  return best;
}
