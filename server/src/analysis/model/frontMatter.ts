/**
 * Budgets for reading a plan's YAML front matter (model/plan.ts reads it). A plan needs a
 * handful of keys (plan, title, period, mode); front matter larger than
 * MAX_FRONT_MATTER_CHARS is not read at all (its data is empty, and rules/fileSimplified.ts
 * says so), so tens of thousands of keys or deeply nested values cannot slow every
 * keystroke. Duplicate keys are not searched for (that search grows with the square of the
 * keys); the last value wins.
 */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/** Options for the YAML parser: no search for duplicate keys. */
export const YAML_OPTIONS = { uniqueKeys: false } as const;

/** Why front matter is not read, or undefined when it is within the budget. */
export function frontMatterTooLarge(yaml: string): string | undefined {
  return yaml.length > MAX_FRONT_MATTER_CHARS ? `front matter longer than ${MAX_FRONT_MATTER_CHARS / 1024} KB is not read` : undefined;
}
