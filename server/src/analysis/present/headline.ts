/**
 * The plan's coverage figure in words, the same wherever it appears (title hover, reports):
 * "22/27 covered · 81%", and how the percentage counts partly covered items.
 */
import { COUNTING_NOTE_MESSAGE, COVERAGE_FIGURE_MESSAGE, isStatutoryKind } from '../../../../shared/coverage.js';
import type { CoverageSummary, ItemCoverage } from '../types.js';
import * as l10n from '@vscode/l10n';

/** "22/27 covered · 81%": covered means addressed or waived. */
export function coverageFigure(summary: CoverageSummary, percent: number): string {
  return l10n.t(COVERAGE_FIGURE_MESSAGE, summary.addressed + summary.waived, summary.total, Math.round(percent));
}

/** How the percentage is counted, said wherever it appears. */
export function countingNote(): string {
  return l10n.t(COUNTING_NOTE_MESSAGE);
}

/** The same, short, for one-line summaries. */
export function countingShort(): string {
  return l10n.t('partly covered items count half');
}

/** Counted statutory items nothing in the plan covers. */
export function statutoryGaps(coverage: readonly ItemCoverage[]): ItemCoverage[] {
  return coverage.filter((c) => c.counted && c.status === 'missing' && isStatutoryKind(c.kind));
}
