import { mappingWouldAddress } from '../coverage.js';
import { citation } from '../text/text.js';
import type { Finding } from '../types.js';
import { findingRange, type Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.duty.partial: an item with only passing mentions; reported on its best evidence section. */
export const dutyPartial: Rule = {
  code: 'jfp.duty.partial',
  defaultSeverity: 'information',
  description: 'A duty or content area the plan mentions only in passing.',
  run({ doc, index, coverage }) {
    const findings: Finding[] = [];
    for (const item of index.catalogue.items) {
      const c = coverage.get(item.id);
      if (!c || c.status !== 'partial' || !c.counted) continue;
      const best = c.evidence[0];
      if (!best || best.uri !== doc.uri) continue;
      const section = doc.plan.sections.find((s) => doc.plan.lines.positionAt(s.start).line === best.line);
      const start = section ? section.headingStart : doc.plan.lines.lineStart(best.line);
      const end = section && section.depth > 0 ? section.headingEnd : doc.plan.lines.lineEnd(best.line);
      findings.push({
        uri: doc.uri,
        range: findingRange(doc, start, end),
        severity: this.defaultSeverity,
        code: this.code,
        message: best.quote
          ? l10n.t('Partly covered: {0} ({1}). Only passing mentions were found, such as: “{2}”. Say more about how the plan meets it.', item.title, citation(item), best.quote)
          : l10n.t('Partly covered: {0} ({1}). Only passing mentions were found. Say more about how the plan meets it.', item.title, citation(item)),
        // "Map this section" is offered only where the mapped section would address the item.
        data: { itemId: item.id, ...(section && mappingWouldAddress(doc, section.index, index.items.get(item.id)!) ? { line: best.line } : {}) },
      });
    }
    return findings;
  },
};
