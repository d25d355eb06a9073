import { getProcessRules, planWideFinding } from '../data/processRules.js';
import type { Rule } from './rule.js';

const CODE = 'jfp.process.capital-plan';

/** jfp.process.capital-plan: the plan does not mention the joint capital resource use plan. */
export const processCapitalPlan: Rule = {
  code: CODE,
  defaultSeverity: 'information',
  description: 'The plan does not refer to the joint capital resource use plan.',
  run({ doc, documents, isPrimary }) {
    if (!isPrimary) return [];
    const rule = getProcessRules().rule(CODE);
    if (rule.occursInPlan(documents, 'capitalPlan')) return [];
    return [
      planWideFinding(
        doc,
        CODE,
        this.defaultSeverity,
        `The plan does not mention the joint capital resource use plan. The ICB and its partner trusts must also prepare that capital plan before each financial year (${rule.legalBasis}), and readers expect the two plans to agree: say how this plan relates to it.`,
      ),
    ];
  },
};
