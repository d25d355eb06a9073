import { getProcessRules, planWideFinding } from '../data/processRules.js';
import type { Rule } from './rule.js';

const CODE = 'jfp.process.partner-trusts';

/** jfp.process.partner-trusts: the plan does not name the partner NHS trusts and foundation trusts it is prepared with. */
export const processPartnerTrusts: Rule = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'The plan does not name its partner NHS trusts and foundation trusts.',
  run({ doc, documents, isPrimary, mode }) {
    if (!isPrimary || mode === 'summary') return [];
    const rule = getProcessRules().rule(CODE);
    if (rule.occursInPlan(documents, 'trusts')) return [];
    return [
      planWideFinding(
        doc,
        CODE,
        this.defaultSeverity,
        `The plan does not name its partner trusts. A Joint Forward Plan is prepared jointly by the ICB and its partner NHS trusts and NHS foundation trusts (${rule.legalBasis}): say which trusts they are, for example in a section on who the plan belongs to.`,
      ),
    ];
  },
};
