import { formatFinancialYear } from '../../../../shared/period.js';
import { getPlanning, type Edition } from '../data/planning.js';
import { isUnconfirmed } from '../data/glossary.js';
import { planWideFinding } from '../data/processRules.js';
import type { PlanIdentity } from '../planIdentity.js';
import type { Finding, FindingFix } from '../types.js';
import { frontMatterField } from './planPeriod.js';
import { findingRange, type Rule, type RuleContext } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.plan.edition';

/** What changed in the editions after `from`, up to and including `to`. */
export function changesBetween(from: Edition, to: Edition): string[] {
  return getPlanning()
    .editions.filter((e) => e.firstYear > from.firstYear && e.firstYear <= to.firstYear)
    .flatMap((e) => e.changes.map((c) => `${e.id}: ${c}`));
}

function where(identity: PlanIdentity): string {
  switch (identity.editionSource) {
    case 'front matter':
      return l10n.t('in the front matter');
    case 'settings':
      return l10n.t('by the jfp.edition setting');
    case '.jfp.json':
      return l10n.t('by "edition" in .jfp.json');
    default:
      return l10n.t('from its {0}', identity.editionSource);
  }
}

/** A quick fix (not a safe fix for "fix all": it changes what the plan is checked against) that writes another edition into the front matter. */
function switchFix(ctx: RuleContext, edition: Edition): { range: Finding['range']; fix: FindingFix } | undefined {
  const field = frontMatterField(ctx.doc, 'edition');
  if (!field) return undefined;
  const range = findingRange(ctx.doc, field.start, field.end);
  return { range, fix: { title: l10n.t('Check against the {0} edition ({1})', edition.id, edition.title), edits: [{ range, newText: edition.id }] } };
}

/** jfp.plan.edition: the plan is checked against an older catalogue edition than the one that fits its period, or names an unknown edition. */
export const planEdition: Rule = {
  code: CODE,
  defaultSeverity: 'information',
  description: 'The plan is checked against an older catalogue edition than the newest one that fits its period, or its front matter names an unknown edition.',
  run(ctx) {
    const { identity, isPrimary, doc } = ctx;
    if (!isPrimary) return [];
    const findings: Finding[] = [];
    const known = getPlanning().editions.map((e) => e.id).join(', ');
    if (identity.unknownEdition !== undefined) {
      const target = identity.edition;
      const sw = switchFix(ctx, identity.fittingEdition ?? target);
      const message = l10n.t('"edition: {0}" is not a catalogue edition jfp-assist knows ({1}). The plan is checked against the {2} edition ({3}), chosen {4}.', identity.unknownEdition, known, target.id, target.title, where(identity));
      findings.push(sw ? { uri: doc.uri, range: sw.range, severity: this.defaultSeverity, code: CODE, message, data: { problem: 'unknown', switchTo: sw.fix } } : planWideFinding(doc, CODE, this.defaultSeverity, message, { problem: 'unknown' }));
    }
    const fitting = identity.fittingEdition;
    const chosen = identity.edition;
    if (fitting && chosen.firstYear < fitting.firstYear && ['front matter', 'settings', '.jfp.json'].includes(identity.editionSource)) {
      const changes = changesBetween(chosen, fitting);
      const unconfirmed = isUnconfirmed(fitting.confidence) ? ' ' + l10n.t('Much of the {0} edition rests on research that is not confirmed; its items say so.', fitting.id) : '';
      const how =
        identity.editionSource === 'front matter'
          ? l10n.t('To switch, set `edition: {0}` in the front matter.', fitting.id)
          : l10n.t('To switch, change the edition {0}, or set it to "auto".', where(identity));
      const message =
        l10n.t("The plan's period starts in {0}, so the {1} edition of the catalogue ({2}) fits it, but the plan is checked against the older {3} edition ({4}), chosen {5}.", formatFinancialYear(identity.firstYear ?? fitting.firstYear), fitting.id, fitting.title, chosen.id, chosen.title, where(identity)) +
        (changes.length > 0 ? ' ' + l10n.t('What changed: {0}.', changes.join('; ')) : '') +
        unconfirmed +
        ' ' +
        how;
      const sw = identity.editionSource === 'front matter' ? switchFix(ctx, fitting) : undefined;
      const data = { problem: 'older', edition: chosen.id, fitting: fitting.id, ...(sw ? { switchTo: sw.fix } : {}) };
      findings.push(sw ? { uri: doc.uri, range: sw.range, severity: this.defaultSeverity, code: CODE, message, data } : planWideFinding(doc, CODE, this.defaultSeverity, message, data));
    }
    return findings;
  },
};
