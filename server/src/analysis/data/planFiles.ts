import picomatch from 'picomatch';

export const DEFAULT_PLAN_GLOBS: readonly string[] = ['**/*forward-plan*.md', '**/*forward_plan*.md', '**/jfp/**/*.md'];

const FRONT_MATTER_PLAN = /^\uFEFF?---\r?\n(?:[\s\S]*?\r?\n)?plan:\s*["']?joint-forward-plan["']?\s*(?:#.*)?\r?\n/;

/** A cheap test of a document's opening text: does its front matter say `plan: joint-forward-plan`? */
export function frontMatterDeclaresPlan(head: string): boolean {
  const close = head.search(/\r?\n---\s*(\r?\n|$)/);
  const block = close >= 0 ? head.slice(0, close + 1) + '\n' : head;
  return FRONT_MATTER_PLAN.test(block);
}

/** Matches workspace-relative paths (forward slashes) against the plan globs, case-insensitively. */
export function planPathMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const valid = globs.filter((g) => typeof g === 'string' && g.trim() !== '');
  if (valid.length === 0) return () => false;
  const isMatch = picomatch(valid, { nocase: true, dot: false });
  return (relativePath) => isMatch(relativePath.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
