import type { AbsentCheck, ProcessRule } from '../data/processRules.js';
import type { AbsentPhraseCode } from './findings.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/**
 * A plain "phrase absent" process rule, declared in full in schemas/process-rules.json (an
 * entry with an "absent" block): for each phrase group its messages name, in order, one
 * plan-wide finding when the group's phrases occur nowhere in the plan. Adding such a rule
 * needs no code. (Its code is typed as one of the shipped ones; list a new one in
 * findings.ts only to read its data typed.)
 */
export function absentPhraseRule(rule: ProcessRule, check: AbsentCheck): Rule<AbsentPhraseCode> {
  return {
    code: rule.code as AbsentPhraseCode,
    defaultSeverity: check.level,
    description: check.description,
    run({ documents, isPrimary, mode, reportOnPlan }) {
      if (!isPrimary || (check.modes !== undefined && !check.modes.includes(mode))) return;
      for (const [group, message] of Object.entries(check.messages)) {
        if (rule.occursInPlan(documents, group)) continue;
        reportOnPlan(l10n.t(message, { legalBasis: rule.legalBasis }), { group });
      }
    },
  };
}
