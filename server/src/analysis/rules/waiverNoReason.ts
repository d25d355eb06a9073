import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.waiver.no-reason: a waiver that does not say why the item is not covered. */
export const waiverNoReason: Rule<'jfp.waiver.no-reason'> = {
  code: 'jfp.waiver.no-reason',
  defaultSeverity: 'warning',
  description: 'A jfp-waive comment without a reason.',
  run({ doc, index, report }) {
    for (const tag of doc.plan.tags) {
      if (tag.kind !== 'waive' || tag.reason !== '' || tag.ids.length === 0) continue;
      const id = tag.ids[0]!.id;
      const title = index.catalogue.get(id)?.title ?? id;
      report(tag.start, tag.end, l10n.t('The waiver for "{0}" gives no reason. Reviewers need to know why the plan does not cover it: write <!-- jfp-waive {1}: the reason -->.', title, id), { itemId: id });
    }
  },
};
