import { getProcessRules, planWideFinding } from '../data/processRules.js';
import type { Finding } from '../types.js';
import type { Rule } from './rule.js';

const CODE = 'jfp.process.strategy-references';

const REFERENCES = [
  { group: 'integratedCareStrategy', name: 'the integrated care strategy', detail: 'the strategy of the integrated care partnership' },
  { group: 'jsna', name: 'the joint strategic needs assessment (JSNA)', detail: 'the assessment of local needs by each council and the NHS' },
] as const;

/** jfp.process.strategy-references: the plan does not refer to the integrated care strategy, or to the JSNA. */
export const processStrategyReferences: Rule = {
  code: CODE,
  defaultSeverity: 'information',
  description: 'The plan does not refer to the integrated care strategy or to the joint strategic needs assessment.',
  run({ doc, documents, isPrimary }) {
    if (!isPrimary) return [];
    const rule = getProcessRules().rule(CODE);
    const findings: Finding[] = [];
    for (const ref of REFERENCES) {
      if (rule.occursInPlan(documents, ref.group)) continue;
      findings.push(
        planWideFinding(
          doc,
          CODE,
          this.defaultSeverity,
          `The plan does not mention ${ref.name}, ${ref.detail}. The ICB must have regard to it when preparing the plan (${rule.legalBasis}): say how the plan builds on it.`,
          { reference: ref.group },
        ),
      );
    }
    return findings;
  },
};
