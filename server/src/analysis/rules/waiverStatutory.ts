import { isStatutory } from '../data/catalogue.js';
import { citation } from '../text/text.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.waiver.statutory: a waiver of a statutory duty or requirement, which a plan cannot waive. */
export const waiverStatutory: Rule<'jfp.waiver.statutory'> = {
  code: 'jfp.waiver.statutory',
  defaultSeverity: 'information',
  description: 'A jfp-waive comment on a statutory duty or requirement: the law does not let a plan leave these out, so the item still counts as not met.',
  run({ doc, index, report }) {
    for (const tag of doc.plan.tags) {
      if (tag.kind !== 'waive' || tag.ids.length === 0) continue;
      const item = index.catalogue.get(tag.ids[0]!.id);
      if (!item || !isStatutory(item)) continue;
      report(
        tag.start,
        tag.end,
        l10n.t(
          '"{0}" is statutory ({1}): a plan cannot waive it, so it is shown as "waived (not met)" and counts as not met. Say in the plan how it is met, even briefly, and point to the strategy that holds the detail.',
          item.title,
          citation(item),
        ),
        { itemId: item.id },
      );
    }
  },
};
