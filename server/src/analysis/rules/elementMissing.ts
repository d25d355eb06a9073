import type { Finding } from '../types.js';
import { findingRange, type Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.element.missing: a section mapped to an item (by tag or heading) while the plan lacks some of its key elements. */
export const elementMissing: Rule = {
  code: 'jfp.element.missing',
  defaultSeverity: 'hint',
  description: 'A section mapped to an item, while the plan does not yet cover some of the key elements the guidance suggests for it.',
  run({ doc, index, coverage }) {
    const findings: Finding[] = [];
    const report = (itemId: string, sectionIndex: number) => {
      const item = index.catalogue.get(itemId);
      const c = coverage.get(itemId);
      if (!item || !c || c.status === 'waived' || c.elements.missing.length === 0) return;
      const section = doc.plan.sections[sectionIndex]!;
      const start = section.depth > 0 ? section.headingStart : section.start;
      const end = section.depth > 0 ? section.headingEnd : doc.plan.lines.lineEnd(doc.plan.lines.positionAt(section.start).line);
      findings.push({
        uri: doc.uri,
        range: findingRange(doc, start, end),
        severity: this.defaultSeverity,
        code: this.code,
        message: l10n.t('{0}: {1} of {2} key elements not found in the plan: {3}.', item.title, c.elements.missing.length, c.elements.total, c.elements.missing.join('; ')),
        data: { itemId, missing: c.elements.missing },
      });
    };
    for (const m of doc.mappings) report(m.itemId, m.section);
    return findings;
  },
};
