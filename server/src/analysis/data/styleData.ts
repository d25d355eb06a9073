import styleSchema from '../../../../schemas/style.schema.json' with { type: 'json' };
import styleJson from '../../../../schemas/style.json' with { type: 'json' };
import { schemaChecker } from './schemaCheck.js';

/** The word lists behind the plain-English rules (schemas/style.json). */
export interface StyleData {
  /** Vague link texts, lower case (jfp.style.link-text). */
  vagueLinkTexts: ReadonlySet<string>;
  /** Abbreviations that end in a full stop but not a sentence, lower case ("e.g.", "dr."). */
  abbreviations: ReadonlySet<string>;
}

const checkSchema = schemaChecker(styleSchema as object);

/** Checks data shaped like schemas/style.json; returns one line per problem. */
export function validateStyleData(data: unknown): string[] {
  return checkSchema(data).map((p) => `${p.pointer}: ${p.message}`);
}

let cached: StyleData | undefined;

/** The built-in lists, validated once. */
export function styleData(): StyleData {
  if (cached) return cached;
  const problems = validateStyleData(styleJson);
  if (problems.length > 0) throw new Error(`The built-in style data is not valid: ${problems.slice(0, 3).join('; ')}`);
  cached = {
    vagueLinkTexts: new Set(styleJson.vagueLinkTexts.map((t) => t.toLowerCase())),
    abbreviations: new Set(styleJson.abbreviations.map((t) => t.toLowerCase())),
  };
  return cached;
}
