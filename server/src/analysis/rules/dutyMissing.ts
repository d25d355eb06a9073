import { isCounted, isStatutory } from '../data/catalogue.js';
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
      const message = c.waiver?.notMet
        ? l10n.t('Not covered: {0} ({1}). A statutory duty or requirement cannot be waived (waiver: {2}). Say how the plan meets it.', item.title, citation(item), c.waiver.reason || l10n.t('no reason given'))
        : c.started && c.evidence[0]
          ? l10n.t('Not covered yet: {0} ({1}). The section "{2}" is started but has no content yet. Say how the plan meets it.', item.title, citation(item), c.evidence[0].heading)
          : isStatutory(item)
            ? l10n.t('Not covered: {0} ({1}). No section maps to it or discusses it. Add a section, or map one with <!-- jfp: {2} -->.', item.title, citation(item), item.id)
            : l10n.t('Not covered: {0} ({1}). No section maps to it or discusses it. Add a section, map one with <!-- jfp: {2} -->, or waive it with a reason.', item.title, citation(item), item.id);
      // A started section needs text, not another section: no "insert" fix for it.
      reportOnPlan(message, { itemId: item.id, ...(c.started ? { started: true } : {}) }, { severity: item.severity });
    }
  },
};
