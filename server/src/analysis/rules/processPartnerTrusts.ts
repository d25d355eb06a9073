import { getProcessRules, planWideFinding } from '../data/processRules.js';
import type { Rule } from './rule.js';

const CODE = 'jfp.process.partner-trusts';

/** jfp.process.partner-trusts: the plan does not name the partner NHS trusts and foundation trusts it is prepared with. */
export const processPartnerTrusts: Rule = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'The plan does not name its partner NHS trusts and foundation trusts.',
  run({ doc, documents, isPrimary, mode, options }) {
    if (!isPrimary || mode === 'summary') return [];
    const rule = getProcessRules().rule(CODE);
    // Trusts named in .jfp.json "organisations" (for the date the plan starts): each must be named.
    if (options.partnerTrusts.length > 0) {
      const text = documents.map((d) => d.plan.text.toLowerCase().replace(/\s+/g, ' ')).join('\n');
      const unnamed = options.partnerTrusts.filter((t) => !text.includes(t.toLowerCase().replace(/\s+/g, ' ').trim()));
      if (unnamed.length === 0) return [];
      return [
        planWideFinding(
          doc,
          CODE,
          this.defaultSeverity,
          `The plan does not name ${unnamed.length === 1 ? 'this partner trust' : 'these partner trusts'}, listed in .jfp.json "organisations" for the date the plan starts: ${unnamed.join('; ')}. A Joint Forward Plan is prepared jointly by the ICB and its partner NHS trusts and NHS foundation trusts (${rule.legalBasis}).`,
          { unnamed },
        ),
      ];
    }
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
