import type { Finding } from '../types.js';
import { findingRange, type Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.waiver.no-reason: a waiver that does not say why the item is not covered. */
export const waiverNoReason: Rule = {
  code: 'jfp.waiver.no-reason',
  defaultSeverity: 'warning',
  description: 'A jfp-waive comment without a reason.',
  run({ doc, index }) {
    const findings: Finding[] = [];
    for (const tag of doc.plan.tags) {
      if (tag.kind !== 'waive' || tag.reason !== '' || tag.ids.length === 0) continue;
      const id = tag.ids[0]!.id;
      const title = index.catalogue.get(id)?.title ?? id;
      findings.push({
        uri: doc.uri,
        range: findingRange(doc, tag.start, tag.end),
        severity: this.defaultSeverity,
        code: this.code,
        message: l10n.t('The waiver for "{0}" gives no reason. Reviewers need to know why the plan does not cover it: write <!-- jfp-waive {1}: the reason -->.', title, id),
        data: { itemId: id },
      });
    }
    return findings;
  },
};
