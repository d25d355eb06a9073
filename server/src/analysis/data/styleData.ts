import styleSchema from '../../../../schemas/style.schema.json' with { type: 'json' };
import styleJson from '../../../../schemas/style.json' with { type: 'json' };
import { dataValidator, loadData, type SchemaProblem } from './loadData.js';

/** The word lists behind the plain-English rules (schemas/style.json). */
export interface StyleData {
  /** Vague link texts, lower case (jfp.style.link-text). */
  vagueLinkTexts: ReadonlySet<string>;
  /** Abbreviations that end in a full stop but not a sentence, lower case ("e.g.", "dr."). */
  abbreviations: ReadonlySet<string>;
}

interface StyleJson {
  vagueLinkTexts: string[];
  abbreviations: string[];
}

/** Problems with data shaped like schemas/style.json (empty when it is valid). */
export const validateStyleData: (data: unknown) => SchemaProblem[] = dataValidator<StyleJson>(styleSchema as object);

/** Checks style data and builds the lists. Throws InvalidDataError with every problem found. */
export function loadStyleData(data: unknown, name = 'style data'): StyleData {
  const lists = loadData<StyleJson>(validateStyleData, data, name);
  return {
    vagueLinkTexts: new Set(lists.vagueLinkTexts.map((t) => t.toLowerCase())),
    abbreviations: new Set(lists.abbreviations.map((t) => t.toLowerCase())),
  };
}

let cached: StyleData | undefined;

/** The built-in lists, validated once. */
export function styleData(): StyleData {
  cached ??= loadStyleData(styleJson, 'built-in style data');
  return cached;
}
