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
    const deepest = raw.filter((p) => !raw.some((q) => q.pointer !== p.pointer && q.pointer.startsWith(p.pointer + '/')));
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
