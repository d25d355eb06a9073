import { planPeriod } from './planPeriod.js';
import { processCapitalPlan } from './processCapitalPlan.js';
import { processChangeLog } from './processChangeLog.js';
import { processConsultationSummary } from './processConsultationSummary.js';
import { processHwbOpinion } from './processHwbOpinion.js';
import { processPartnerTrusts } from './processPartnerTrusts.js';
import { processStrategyReferences } from './processStrategyReferences.js';
import type { Rule } from './rule.js';

/**
 * Statutory process rules: the plan period and what the published plan must contain
 * (jfp.plan.*, jfp.process.*). Their phrases and legal bases are data, in
 * schemas/process-rules.json (see ../processRules.ts).
 */
export const PROCESS_RULES: readonly Rule[] = [
  planPeriod,
  processPartnerTrusts,
  processConsultationSummary,
  processHwbOpinion,
  processChangeLog,
  processCapitalPlan,
  processStrategyReferences,
];
