import { getProcessRules } from '../data/processRules.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.strategy-references' as const;

const REFERENCES = [
  { group: 'integratedCareStrategy', name: 'the integrated care strategy', detail: 'the strategy of the integrated care partnership' },
  { group: 'jsna', name: 'the joint strategic needs assessment (JSNA)', detail: 'the assessment of local needs by each council and the NHS' },
] as const;

/** jfp.process.strategy-references: the plan does not refer to the integrated care strategy, or to the JSNA. */
export const processStrategyReferences: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'information',
  description: 'The plan does not refer to the integrated care strategy or to the joint strategic needs assessment.',
  run({ documents, isPrimary, reportOnPlan }) {
    if (!isPrimary) return;
    const rule = getProcessRules().rule(CODE);
    for (const ref of REFERENCES) {
      if (rule.occursInPlan(documents, ref.group)) continue;
      reportOnPlan(l10n.t('The plan does not mention {0}, {1}. The ICB must have regard to it when preparing the plan ({2}): say how the plan builds on it.', ref.name, ref.detail, rule.legalBasis), { group: ref.group });
    }
  },
};
