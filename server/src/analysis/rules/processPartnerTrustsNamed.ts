import { getProcessRules } from '../data/processRules.js';
import type { AbsentPhraseCode } from './findings.js';
import { absentPhraseRule } from './processAbsent.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.partner-trusts';

/**
 * jfp.process.partner-trusts: as declared in schemas/process-rules.json (some partner trust
 * is named); when .jfp.json "organisations" lists the partner trusts for the date the plan
 * starts (a merged ICB), each of them must be named instead.
 */
export function partnerTrustsRule(): Rule<AbsentPhraseCode> {
  const rule = getProcessRules().rule(CODE);
  const absent = absentPhraseRule(rule, rule.absent!);
  return {
    ...absent,
    run(ctx) {
      const { options, documents, isPrimary, mode, reportOnPlan } = ctx;
      if (options.partnerTrusts.length === 0) return absent.run(ctx);
      if (!isPrimary || (rule.absent?.modes !== undefined && !rule.absent.modes.includes(mode))) return;
      const text = documents.map((d) => d.plan.text.toLowerCase().replace(/\s+/g, ' ')).join('\n');
      const unnamed = options.partnerTrusts.filter((t) => !text.includes(t.toLowerCase().replace(/\s+/g, ' ').trim()));
      if (unnamed.length === 0) return;
      reportOnPlan(
        l10n.t('The plan does not name these partner trusts, listed in .jfp.json "organisations" for the date the plan starts: {0}. A Joint Forward Plan is prepared jointly by the ICB and its partner NHS trusts and NHS foundation trusts ({1}).', unnamed.join('; '), rule.legalBasis),
        { group: 'named-trusts' },
      );
    },
  };
}
