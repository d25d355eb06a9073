/**
 * The coverage rules' thresholds and verdicts (see docs/coverage.md): how the evidence of an
 * item in a part of the plan becomes addressed, partial or started.
 */
import type { PartEvidence } from './itemEvidence.js';

/**
 * The thresholds of the coverage rules. A part of the plan (a section,
 * or a chapter with its subsections) *mentions* an item when it holds one of its specific or
 * topic terms, `weakMinGeneric` distinct generic terms, or a sentence that names all the groups
 * of one of its `together` sets. It *addresses* the item when it also has substance: a score
 * of at least `strongMinScore` (each distinct specific term `specificWeight`, each distinct
 * topic or generic term and each key element found 1), terms of the item in at least
 * `strongMinSentences` sentences and in at least `strongMinShare` of its sentences (a
 * discussion of the item, not one list of words or scattered mentions), and at least
 * `strongMinWords` words of prose. A section mapped to the item (by a jfp comment or its heading) addresses it when its
 * prose holds evidence of the item and `mappedMinElements` key elements or `mappedMinWords` words.
 */
export interface Scoring {
  specificWeight: number;
  weakMinGeneric: number;
  strongMinScore: number;
  strongMinSentences: number;
  /** Share of the part's sentences that must hold a term of the item (its focus). */
  strongMinShare: number;
  strongMinWords: number;
  mappedMinElements: number;
  mappedMinWords: number;
}

export const SCORING: Readonly<Scoring> = {
  specificWeight: 2,
  weakMinGeneric: 2,
  strongMinScore: 6,
  strongMinSentences: 4,
  strongMinShare: 0.25,
  strongMinWords: 40,
  mappedMinElements: 2,
  mappedMinWords: 60,
};

/** A part's verdict for an item; undefined: it does not even mention the item. */
export type Verdict = 'addressed' | 'partial' | 'started' | undefined;

export function mentions(e: PartEvidence, scoring: Readonly<Scoring> = SCORING): boolean {
  return e.specific.size > 0 || e.topic.size > 0 || e.generic.size >= scoring.weakMinGeneric || e.together;
}

export function evidenceScore(e: PartEvidence, scoring: Readonly<Scoring> = SCORING): number {
  return scoring.specificWeight * e.specific.size + e.topic.size + e.generic.size + e.elements.size;
}

/** A mapped section: started (no content yet), partial, or addressed with substance. */
export function mappedVerdict(e: PartEvidence, scoring: Readonly<Scoring>): Verdict {
  const evidence = mentions(e, scoring) || e.elements.size > 0;
  if (e.words === 0 || (!evidence && e.sentences <= 1)) return 'started';
  if (evidence && (e.elements.size >= scoring.mappedMinElements || e.words >= scoring.mappedMinWords)) return 'addressed';
  return 'partial';
}

/** A section or chapter that holds terms of the item: partial when it mentions it, addressed with substance. */
export function termsVerdict(e: PartEvidence, scoring: Readonly<Scoring>): Verdict {
  if (e.judgedWith === scoring) return e.judged;
  const substance = evidenceScore(e, scoring) >= scoring.strongMinScore && e.sentencesWith >= scoring.strongMinSentences && e.sentencesWith >= scoring.strongMinShare * e.sentences && e.words >= scoring.strongMinWords;
  e.judged = !mentions(e, scoring) ? undefined : substance ? 'addressed' : 'partial';
  e.judgedWith = scoring;
  return e.judged;
}
