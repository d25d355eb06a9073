/**
 * Reads a plan's YAML front matter within a budget. A plan needs a handful of keys (plan,
 * title, period, mode); front matter larger than MAX_FRONT_MATTER_CHARS is not read at all
 * (its data is empty, and rules/fileSimplified.ts says so), so tens of thousands of keys or
 * deeply nested values cannot slow every keystroke. Duplicate keys are not searched for
 * (that search grows with the square of the keys); the last value wins.
 */
import { parse as parseYaml } from 'yaml';

export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

export interface FrontMatterData {
  data: Record<string, unknown>;
  /** Set when the YAML could not be read; data is then empty. */
  error?: string;
  /** Set when the front matter was over the size budget and not read. */
  tooLarge?: boolean;
}

export function readYamlFrontMatter(yaml: string): FrontMatterData {
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return { data: {}, error: `front matter longer than ${MAX_FRONT_MATTER_CHARS / 1024} KB is not read`, tooLarge: true };
  }
  try {
    const data: unknown = parseYaml(yaml, { maxAliasCount: 100, uniqueKeys: false });
    if (data === null || data === undefined) return { data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, error: 'front matter is not a set of key: value pairs' };
    return { data: data as Record<string, unknown> };
  } catch (e) {
    return { data: {}, error: e instanceof Error ? e.message : String(e) };
  }
}
