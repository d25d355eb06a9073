import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** The last segment of a URI's path, decoded. */
function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * jfp.plan.ambiguous-file: a plan file that could belong to more than one plan (two main
 * documents in its folder and neither lists it, or both list it; see ../planGroups.ts). It is
 * counted in neither plan until it is assigned; one finding, on its title or first line.
 */
export const planAmbiguousFile: Rule<'jfp.plan.ambiguous-file'> = {
  code: 'jfp.plan.ambiguous-file',
  defaultSeverity: 'warning',
  description: 'A plan file that could belong to more than one plan, so it is counted in none until it is assigned to one.',
  run({ options, reportOnPlan }) {
    const unassigned = options.unassigned;
    if (!unassigned || unassigned.candidates.length < 2) return;
    const plans = unassigned.candidates.map((c) => l10n.t('"{0}" ({1})', c.title, fileName(c.uri))).join(l10n.t(' or '));
    const message =
      unassigned.reason === 'listed'
        ? l10n.t('This file is listed by more than one plan: {0}. It is counted in none of them until only one lists it: remove it from the front matter "files:" (or .jfp.json "plans") of the others.', plans)
        : l10n.t('This file could belong to more than one plan in this folder: {0}. It is counted in none of them until you assign it: list it under "files:" in the front matter of its plan\'s main document (or in .jfp.json "plans"), or move it into that plan\'s own folder.', plans);
    reportOnPlan(message, { candidates: unassigned.candidates.map((c) => c.uri), reason: unassigned.reason });
  },
};
