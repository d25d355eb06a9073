import { getProcessRules } from '../data/processRules.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.consultation-summary' as const;

/** jfp.process.consultation-summary: no summary of consultation views, or no account of how they were taken into account. */
export const processConsultationSummary: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'The plan does not summarise the views expressed in consultation, or does not explain how they were taken into account.',
  run({ documents, isPrimary, mode, reportOnPlan }) {
    if (!isPrimary || mode === 'summary') return;
    const rule = getProcessRules().rule(CODE);
    const views = rule.occursInPlan(documents, 'views');
    const response = rule.occursInPlan(documents, 'response');
    if (views && response) return;
    const missing = [...(views ? [] : ['views' as const]), ...(response ? [] : ['response' as const])];
    let message: string;
    if (!views && !response) {
      message = l10n.t('The plan has no summary of the views people gave when it was consulted on, and does not explain how those views were taken into account. The published plan must include both ({0}): add a section such as "What we heard and what we did".', rule.legalBasis);
    } else if (!views) {
      message = l10n.t('The plan says how it responded to consultation but has no summary of the views people expressed. The published plan must include that summary ({0}): add one, for example a "What we heard" section.', rule.legalBasis);
    } else {
      message = l10n.t('The plan summarises what people said in consultation but does not explain how their views were taken into account. The published plan must include that explanation ({0}): say what changed as a result, for example in a "You said, we did" table.', rule.legalBasis);
    }
    reportOnPlan(message, { missing });
  },
};
