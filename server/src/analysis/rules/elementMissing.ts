import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.element.missing: a section mapped to an item (by tag or heading) while the plan lacks some of its key elements. */
export const elementMissing: Rule<'jfp.element.missing'> = {
  code: 'jfp.element.missing',
  defaultSeverity: 'hint',
  description: 'A section mapped to an item, while the plan does not yet cover some of the key elements the guidance suggests for it.',
  run({ doc, index, coverage, reportOnHeading }) {
    const report = (itemId: string, sectionIndex: number) => {
      const item = index.catalogue.get(itemId);
      const c = coverage.get(itemId);
      if (!item || !c || c.status === 'waived' || c.elements.missing.length === 0) return;
      reportOnHeading(doc.plan.sections[sectionIndex]!, l10n.t('{0}: {1} of {2} key elements not found in the plan: {3}.', item.title, c.elements.missing.length, c.elements.total, c.elements.missing.join('; ')), {
        itemId,
        missing: c.elements.missing,
      });
    };
    for (const m of doc.mappings) report(m.itemId, m.section);
  },
};
