/**
 * Document URIs and file paths: the one place where the two are converted, so that every
 * part of the server (and the CLI) names a file the same way.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A stable key for a URI, so that differently escaped forms of one file agree. */
export function uriKey(uri: string): string {
  const p = uriToPath(uri);
  return p !== undefined ? pathToUri(p) : uri;
}
