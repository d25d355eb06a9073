/**
 * Leave-one-group-out (issue 13): for each group (ICB) in turn, the thresholds are chosen on the
 * other groups only, from a small grid around the shipped values, and the held-out group is judged
 * with them. The pooled verdicts show how the fitted engine does on plans it was not fitted to.
 */
import { SCORING, type Scoring } from '../../server/src/analysis/coverage.js';
import { judge, type Analysed } from './judge.js';
import { score, type Pair } from './score.js';

/** The candidate thresholds: the shipped ones and their neighbours. */
export function grid(): Scoring[] {
  const out: Scoring[] = [];
  for (const strongMinScore of [4, 5, 6]) {
    for (const strongMinSentences of [2, 3, 4]) {
      for (const strongMinShare of [0.25, 0.34, 0.5]) out.push({ ...SCORING, strongMinScore, strongMinSentences, strongMinShare });
    }
  }
  return out;
}

/** What a fit maximises: macro-F1, then binary agreement. */
function objective(pairs: readonly Pair[]): number {
  const s = score(pairs);
  return s.macroF1 + s.binary / 1000;
}

export function bestOf(analysed: readonly Analysed[], candidates: readonly Scoring[]): Scoring {
  let best = candidates[0]!;
  let bestValue = -Infinity;
  for (const c of candidates) {
    const value = objective(judge(analysed, c));
    if (value > bestValue) [best, bestValue] = [c, value];
  }
  return best;
}

export interface LogoResult {
  pairs: Pair[];
  /** The thresholds chosen with each group held out. */
  chosen: [string, Scoring][];
}

export function leaveOneGroupOut(analysed: readonly Analysed[], candidates: readonly Scoring[] = grid()): LogoResult {
  const groups = [...new Set(analysed.map((a) => a.file.group))].sort();
  const pairs: Pair[] = [];
  const chosen: [string, Scoring][] = [];
  for (const g of groups) {
    const fitted = bestOf(
      analysed.filter((a) => a.file.group !== g),
      candidates,
    );
    chosen.push([g, fitted]);
    pairs.push(...judge(
      analysed.filter((a) => a.file.group === g),
      fitted,
    ));
  }
  return { pairs, chosen };
}
