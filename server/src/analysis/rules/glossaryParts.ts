/**
 * A document's abbreviation and glossary-term hits, found part by part (see ../text/parts.ts)
 * and remembered per part, for jfp.acronym.undefined and jfp.term.outdated: after an edit only
 * the parts it touched are matched again, and the rules put their findings together from the
 * parts. No abbreviation or glossary term contains "#" (the matchers check it), so a part's
 * hits are exactly the document's hits there.
 */
import { getGlossary, type AbbreviationHit } from '../data/glossary.js';
import type { PlanModel } from '../model/plan.js';
import { textParts, type PlacedPart, type TextPart } from '../text/parts.js';
import type { TermHit } from '../text/terms.js';

export interface GlossaryHits {
  /** Hits relative to the part's start, outside excluded ranges, in order. */
  readonly abbreviations: readonly AbbreviationHit[];
  readonly terms: readonly TermHit[];
}

const byPart = new WeakMap<TextPart, GlossaryHits>();

/** The hits of a part (placed in the current version of `plan`). */
export function glossaryHits({ part, start }: PlacedPart, plan: Pick<PlanModel, 'text'>): GlossaryHits {
  let hits = byPart.get(part);
  if (!hits) {
    const glossary = getGlossary();
    const source = plan.text.slice(start, start + part.length);
    hits = { abbreviations: glossary.abbreviations.match(source, part.excluded), terms: glossary.terms.match(source, part.excluded) };
    byPart.set(part, hits);
  }
  return hits;
}

/** The document's parts (see ../text/parts.ts), in order. */
export function glossaryParts(plan: PlanModel): readonly PlacedPart[] {
  return textParts(plan);
}
