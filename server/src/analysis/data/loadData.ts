/**
 * One way to load every data file (the catalogue, the glossary and outdated terms, the
 * process rules, the style lists): check it against its JSON schema and the rules a schema
 * cannot express, then either use it or throw one InvalidDataError listing every problem.
 */
import { schemaChecker, type SchemaProblem } from './schemaCheck.js';

export type { SchemaProblem } from './schemaCheck.js';

/** Data that failed its checks: every problem found, with the first few summarised in the message. */
export class InvalidDataError extends Error {
  constructor(
    /** What the data is, e.g. "built-in catalogue" or "extra catalogue". */
    what: string,
    readonly problems: SchemaProblem[],
  ) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.pointer}: ${p.message}`)
      .join('; ');
    super(`The ${what} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${first}`);
    this.name = 'InvalidDataError';
  }
}

/** Checks for one kind of data: its schema first, then (only for data that passes it) the checks a schema cannot express. */
export function dataValidator<T>(schema: object, extraChecks?: (data: T) => SchemaProblem[]): (data: unknown) => SchemaProblem[] {
  const checkSchema = schemaChecker(schema);
  return (data) => {
    const problems = checkSchema(data);
    return problems.length > 0 || !extraChecks ? problems : extraChecks(data as T);
  };
}

/** The data, typed, once it passes its checks. Throws InvalidDataError naming `what` otherwise. */
export function loadData<T>(validate: (data: unknown) => SchemaProblem[], data: unknown, what: string): T {
  const problems = validate(data);
  if (problems.length > 0) throw new InvalidDataError(what, problems);
  return data as T;
}

/** Problems for entries whose keys repeat an earlier entry's (e.g. two items with one id). */
export function duplicates<T>(list: readonly T[], keysOf: (x: T) => (string | undefined)[], pointer: (i: number) => string, what: string, entry = 'entry'): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    for (const key of keysOf(x)) {
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first !== undefined && first !== i) problems.push({ pointer: pointer(i), message: `duplicate ${what} "${key}" (first used by ${entry} ${first})` });
      else seen.set(key, i);
    }
  });
  return problems;
}
