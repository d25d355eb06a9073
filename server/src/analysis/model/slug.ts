/**
 * Heading anchors as GitHub and VS Code's Markdown preview make them, with github-slugger
 * (the library both follow): lower case, punctuation and symbols removed, each space a
 * hyphen, and a repeated slug in the same document gets -1, -2, ... appended.
 */
import GithubSlugger, { slug as githubSlug } from 'github-slugger';

export function slug(heading: string): string {
  return githubSlug(heading);
}

/** Slugs for a document's headings in order, numbering repeats like GitHub does. */
export function headingSlugs(headings: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return headings.map((heading) => slugger.slug(heading));
}
