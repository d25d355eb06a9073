/**
 * Heading anchors as GitHub and VS Code's Markdown preview make them (the github-slugger
 * rules): lower case, punctuation and symbols removed, each space a hyphen, and a repeated
 * slug in the same document gets -1, -2, ... appended.
 */
const REMOVE = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

export function slug(heading: string): string {
  return heading.toLowerCase().replace(REMOVE, '').replace(/ /g, '-');
}

/** Slugs for a document's headings in order, numbering repeats like GitHub does. */
export function headingSlugs(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((heading) => {
    const base = slug(heading);
    let result = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(result)) result = `${base}-${++n}`;
    seen.set(base, n);
    seen.set(result, 0);
    return result;
  });
}
