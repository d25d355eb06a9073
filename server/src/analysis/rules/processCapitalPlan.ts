import { getProcessRules } from '../data/processRules.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.capital-plan' as const;

/** jfp.process.capital-plan: the plan does not mention the joint capital resource use plan. */
export const processCapitalPlan: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'information',
  description: 'The plan does not refer to the joint capital resource use plan.',
  run({ documents, isPrimary, reportOnPlan }) {
    if (!isPrimary) return;
    const rule = getProcessRules().rule(CODE);
    if (rule.occursInPlan(documents, 'capitalPlan')) return;
    reportOnPlan(
      l10n.t('The plan does not mention the joint capital resource use plan. The ICB and its partner trusts must also prepare that capital plan before each financial year ({0}), and readers expect the two plans to agree: say how this plan relates to it.', rule.legalBasis),
      { group: 'capitalPlan' },
    );
  },
};
