import { closestId } from '../text/text.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.tag.unknown: an id in a jfp comment that the catalogue does not know. */
export const tagUnknown: Rule<'jfp.tag.unknown'> = {
  code: 'jfp.tag.unknown',
  defaultSeverity: 'error',
  description: 'A jfp comment names an id that is not in the catalogue.',
  run({ doc, index, report }) {
    // A plan repeats its unknown ids: each is looked up once per run, against one list of the known ids.
    let ids: string[] | undefined;
    const suggestions = new Map<string, string | undefined>();
    const suggest = (id: string) => {
      if (!suggestions.has(id)) suggestions.set(id, closestId(id, (ids ??= index.catalogue.ids)));
      return suggestions.get(id);
    };
    for (const tag of doc.plan.tags) {
      if (tag.ids.length === 0) {
        report(tag.start, tag.end, l10n.t('This jfp comment names no catalogue id. Write it as <!-- {0} -->.', tag.kind === 'waive' ? 'jfp-waive ID: reason' : 'jfp: ID'), {});
        continue;
      }
      for (const t of tag.ids) {
        if (index.catalogue.has(t.id)) continue;
        const suggestion = suggest(t.id);
        report(
          t.start,
          t.end,
          suggestion ? l10n.t('Unknown catalogue id "{0}". Did you mean "{1}"?', t.id, suggestion) : l10n.t('Unknown catalogue id "{0}". Type <!-- jfp: and choose from the completion list.', t.id),
          { unknownId: t.id, ...(suggestion ? { suggestion } : {}) },
        );
      }
    }
  },
};
