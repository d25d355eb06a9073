import { mappingWouldAddress } from '../coverage.js';
import { citation } from '../text/text.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.duty.partial: an item with only passing mentions; reported on its best evidence section. */
export const dutyPartial: Rule<'jfp.duty.partial'> = {
  code: 'jfp.duty.partial',
  defaultSeverity: 'information',
  description: 'A duty or content area the plan mentions only in passing.',
  run({ doc, index, coverage, report, reportOnHeading }) {
    for (const item of index.catalogue.items) {
      const c = coverage.get(item.id);
      if (!c || c.status !== 'partial' || !c.counted) continue;
      const best = c.evidence[0];
      if (!best || best.uri !== doc.uri) continue;
      const section = doc.plan.sections.find((s) => doc.plan.lines.positionAt(s.start).line === best.line);
      const message = best.quote
        ? l10n.t('Partly covered: {0} ({1}). Only passing mentions were found, such as: “{2}”. Say more about how the plan meets it.', item.title, citation(item), best.quote)
        : l10n.t('Partly covered: {0} ({1}). Only passing mentions were found. Say more about how the plan meets it.', item.title, citation(item));
      // "Map this section" is offered only where the mapped section would address the item.
      const data = { itemId: item.id, ...(section && mappingWouldAddress(doc, section.index, index.items.get(item.id)!) ? { line: best.line } : {}) };
      if (section) reportOnHeading(section, message, data);
      else report(doc.plan.lines.lineStart(best.line), doc.plan.lines.lineEnd(best.line), message, data);
    }
  },
};
