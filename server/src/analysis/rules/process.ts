import { getProcessRules } from '../data/processRules.js';
import { planPeriod } from './planPeriod.js';
import { absentPhraseRule } from './processAbsent.js';
import { processChangeLog } from './processChangeLog.js';
import { processConsultationSummary } from './processConsultationSummary.js';
import { processHwbOpinion } from './processHwbOpinion.js';
import type { Rule } from './rule.js';
import { partnerTrustsRule } from './processPartnerTrustsNamed.js';

/** The process rules that need code; the others are declared in full in the data (see processAbsent.ts). */
const CODED: ReadonlyMap<string, Rule> = new Map<string, Rule>([planPeriod, processConsultationSummary, processHwbOpinion, processChangeLog, partnerTrustsRule()].map((r) => [r.code, r]));

/**
 * Statutory process rules: the plan period and what the published plan must contain
 * (jfp.plan.*, jfp.process.*), in the order of schemas/process-rules.json, which holds
 * their phrases and legal bases (see ../data/processRules.ts).
 */
export const PROCESS_RULES: readonly Rule[] = getProcessRules().codes.flatMap((code): Rule[] => {
  const coded = CODED.get(code);
  if (coded) return [coded];
  const rule = getProcessRules().rule(code);
  return rule.absent ? [absentPhraseRule(rule, rule.absent)] : [];
});
