import { globsMatcher } from './glob.js';
import { getPlanning, planTypeNamedIn } from './planning.js';

export const DEFAULT_PLAN_GLOBS: readonly string[] = ['**/*forward-plan*.md', '**/*forward_plan*.md', '**/jfp/**/*.md'];

const FRONT_MATTER_PLAN = /^\uFEFF?---\r?\n(?:[\s\S]*?\r?\n)?plan:\s*["']?([\w-]+)["']?\s*(?:#.*)?\r?\n/;
const TITLE_LINE = /^(?:title:|#)[ \t]+(.*)$/m;

/**
 * A cheap test of a document's opening text: does its front matter declare a plan
 * (`plan: joint-forward-plan` or another plan type), or its title (front matter `title:`
 * or the first level-1 heading in the text given) name a plan type?
 */
export function frontMatterDeclaresPlan(head: string): boolean {
  const close = head.search(/\r?\n---\s*(\r?\n|$)/);
  const block = close >= 0 ? head.slice(0, close + 1) + '\n' : head;
  const declared = FRONT_MATTER_PLAN.exec(block)?.[1]?.toLowerCase();
  if (declared !== undefined && getPlanning().planTypes.some((t) => t.id === declared)) return true;
  const title = TITLE_LINE.exec(head.slice(0, 4096))?.[1];
  return title !== undefined && planTypeNamedIn(title) !== undefined;
}

/** True when a file name (the last part of a path) names a plan type, e.g. `strategic-commissioning-plan-2026.md`. */
export function fileNameNamesPlan(relativePath: string): boolean {
  const name = relativePath.split(/[\\/]/).pop() ?? '';
  return isMarkdownPath(name) && planTypeNamedIn(name.replace(/\.(md|markdown)$/i, '')) !== undefined;
}

/** The plan files of a folder: paths matching the globs, and Markdown files whose name names a plan type. */
export function planFileMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const byGlob = planPathMatcher(globs);
  return (relativePath) => byGlob(relativePath) || fileNameNamesPlan(relativePath);
}

/** Matches workspace-relative paths (forward slashes) against the plan globs, case-insensitively, in linear time (glob.ts). */
export function planPathMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const valid = globs.filter((g) => typeof g === 'string' && g.trim() !== '');
  if (valid.length === 0) return () => false;
  const isMatch = globsMatcher(valid);
  return (relativePath) => isMatch(relativePath.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
