import { getProcessRules } from '../data/processRules.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.partner-trusts' as const;

/** jfp.process.partner-trusts: the plan does not name the partner NHS trusts and foundation trusts it is prepared with. */
export const processPartnerTrusts: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'The plan does not name its partner NHS trusts and foundation trusts.',
  run({ documents, isPrimary, mode, reportOnPlan }) {
    if (!isPrimary || mode === 'summary') return;
    const rule = getProcessRules().rule(CODE);
    if (rule.occursInPlan(documents, 'trusts')) return;
    reportOnPlan(
      l10n.t('The plan does not name its partner trusts. A Joint Forward Plan is prepared jointly by the ICB and its partner NHS trusts and NHS foundation trusts ({0}): say which trusts they are, for example in a section on who the plan belongs to.', rule.legalBasis),
      { group: 'trusts' },
    );
  },
};
