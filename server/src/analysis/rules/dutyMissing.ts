import { isCounted } from '../data/catalogue.js';
import { citation } from '../text/text.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.duty.missing: a counted catalogue item the plan does not cover anywhere. */
export const dutyMissing: Rule<'jfp.duty.missing'> = {
  code: 'jfp.duty.missing',
  defaultSeverity: 'warning',
  description: 'A statutory duty, requirement or content area that no part of the plan covers.',
  run({ index, coverage, isPrimary, reportOnPlan }) {
    if (!isPrimary) return;
    for (const item of index.catalogue.items) {
      const c = coverage.get(item.id);
      if (!c || c.status !== 'missing' || !c.counted || !isCounted(item) || item.severity === 'off') continue;
      reportOnPlan(
        l10n.t('Not covered: {0} ({1}). No section maps to it or discusses it. Add a section, map one with <!-- jfp: {2} -->, or waive it with a reason.', item.title, citation(item), item.id),
        { itemId: item.id },
        { severity: item.severity },
      );
    }
  },
};
