/**
 * Work done in steps: a generator that pauses (yields) between steps and returns its result, so
 * that the language server can answer requests between two steps (coverage item by item, the
 * rules one at a time) while the CLI and tests run it straight through.
 */
export type Steps<T> = Generator<void, T>;

/** Runs the remaining steps to the end and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs the remaining steps, awaiting `between()` after each; false as soon as it answers false (the rest is left for later). */
export async function settle<T>(steps: Steps<T>, between: () => Promise<boolean>): Promise<boolean> {
  let step = steps.next();
  while (!step.done) {
    if (!(await between())) return false;
    step = steps.next();
  }
  return true;
}

/** Steps with nothing left to do. */
export function* done<T>(value: T): Steps<T> {
  return value;
}
