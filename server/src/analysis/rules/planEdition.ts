import { formatFinancialYear } from '../../../../shared/period.js';
import { isUnconfirmed } from '../data/glossary.js';
import { getPlanning, type Edition } from '../data/planning.js';
import type { PlanIdentity } from '../planIdentity.js';
import type { FindingFix } from './findings.js';
import { frontMatterField } from './planPeriod.js';
import type { Rule, RuleContext } from './rule.js';
import * as l10n from '@vscode/l10n';

type Ctx = RuleContext<'jfp.plan.edition'>;

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

/**
 * Reports on the front matter `edition:` value with a quick fix (not a safe fix for "fix
 * all": it changes what the plan is checked against) that writes `target` there; on the
 * plan's title, without a fix, when the front matter has no `edition:`.
 */
function reportWithSwitch(ctx: Ctx, target: Edition | undefined, message: string, data: { problem: 'older' | 'unknown'; edition?: string; fitting?: string }): void {
  const field = frontMatterField(ctx.doc, 'edition');
  if (!field || !target) return ctx.reportOnPlan(message, data);
  const range = ctx.doc.plan.lines.rangeOf(field.start, field.end);
  const switchTo: FindingFix = { title: l10n.t('Check against the {0} edition ({1})', target.id, target.title), edits: [{ range, newText: target.id }] };
  ctx.report(field.start, field.end, message, { ...data, switchTo });
}

/** jfp.plan.edition: the plan is checked against an older catalogue edition than the one that fits its period, or names an unknown edition. */
export const planEdition: Rule<'jfp.plan.edition'> = {
  code: 'jfp.plan.edition',
  defaultSeverity: 'information',
  description: 'The plan is checked against an older catalogue edition than the newest one that fits its period, or its front matter names an unknown edition.',
  run(ctx) {
    const { identity, isPrimary } = ctx;
    if (!isPrimary) return;
    const known = getPlanning().editions.map((e) => e.id).join(', ');
    const chosen = identity.edition;
    if (identity.unknownEdition !== undefined) {
      const message = l10n.t('"edition: {0}" is not a catalogue edition jfp-assist knows ({1}). The plan is checked against the {2} edition ({3}), chosen {4}.', identity.unknownEdition, known, chosen.id, chosen.title, where(identity));
      reportWithSwitch(ctx, identity.fittingEdition ?? chosen, message, { problem: 'unknown' });
    }
    const fitting = identity.fittingEdition;
    if (!fitting || chosen.firstYear >= fitting.firstYear || !['front matter', 'settings', '.jfp.json'].includes(identity.editionSource)) return;
    const changes = changesBetween(chosen, fitting);
    const parts = [
      l10n.t("The plan's period starts in {0}, so the {1} edition of the catalogue ({2}) fits it, but the plan is checked against the older {3} edition ({4}), chosen {5}.", formatFinancialYear(identity.firstYear ?? fitting.firstYear), fitting.id, fitting.title, chosen.id, chosen.title, where(identity)),
      ...(changes.length > 0 ? [l10n.t('What changed: {0}.', changes.join('; '))] : []),
      ...(isUnconfirmed(fitting.confidence) ? [l10n.t('Much of the {0} edition rests on research that is not confirmed; its items say so.', fitting.id)] : []),
      identity.editionSource === 'front matter' ? l10n.t('To switch, set `edition: {0}` in the front matter.', fitting.id) : l10n.t('To switch, change the edition {0}, or set it to "auto".', where(identity)),
    ];
    const data = { problem: 'older' as const, edition: chosen.id, fitting: fitting.id };
    if (identity.editionSource === 'front matter') reportWithSwitch(ctx, fitting, parts.join(' '), data);
    else ctx.reportOnPlan(parts.join(' '), data);
  },
};
