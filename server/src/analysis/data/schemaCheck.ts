import { Validator } from '@cfworker/json-schema';

/** A problem found in JSON data: where (a JSON pointer, "/" for the whole document) and what. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

/**
 * A validator for one JSON schema (draft 2020-12). It interprets the schema rather than
 * generating code, so nothing is evaluated at run time. The validator reports a failure at
 * every nesting level; only the deepest reports are kept, once each.
 */
export function schemaChecker(schema: object): (data: unknown) => SchemaProblem[] {
  const validator = new Validator(schema, '2020-12', false);
  return (data) => {
    const result = validator.validate(data);
    if (result.valid) return [];
    const raw = result.errors.map((u) => ({ pointer: u.instanceLocation.replace(/^#/, ''), message: u.error }));
    // Every pointer that has a deeper report below it, found in one pass (not by comparing every pair).
    const ancestors = new Set<string>();
    for (const { pointer } of raw) {
      for (let cut = pointer.lastIndexOf('/'); cut >= 0; cut = cut === 0 ? -1 : pointer.lastIndexOf('/', cut - 1)) ancestors.add(pointer.slice(0, cut));
    }
    const deepest = raw.filter((p) => !ancestors.has(p.pointer));
    const seen = new Set<string>();
    const out: SchemaProblem[] = [];
    for (const p of deepest) {
      const key = `${p.pointer}\u0000${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ pointer: p.pointer || '/', message: p.message });
    }
    return out;
  };
}
