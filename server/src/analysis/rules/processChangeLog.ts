import type { DocumentAnalysis } from '../model/document.js';
import { sectionAt } from '../model/plan.js';
import { getProcessRules, type ProcessRule } from '../data/processRules.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.change-log' as const;

/** Why the plan counts as a revision (for the message), or undefined when it does not. */
export function refreshEvidence(doc: DocumentAnalysis, rule: ProcessRule): string | undefined {
  const { plan } = doc;
  const flag = plan.frontMatter?.data.refresh;
  if (flag === false) return undefined;
  if (flag === true) return 'its front matter says `refresh: true`';
  const titles = [plan.sections.find((s) => s.depth === 1)?.heading, plan.frontMatter?.data.title].filter((t): t is string => typeof t === 'string');
  for (const title of titles) {
    const hit = rule.matcher('titleRefresh').match(title)[0];
    if (hit) return `its title says "${title.slice(hit.start, hit.end)}"`;
  }
  const hit = rule.find(doc, 'textRefresh')[0];
  if (hit) return `it says "${plan.text.slice(hit.start, hit.end).replace(/\s+/g, ' ')}"`;
  return undefined;
}

/** jfp.process.change-log: a refreshed or revised plan without a list of what changed. */
export const processChangeLog: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'A refreshed or revised plan that does not list what has changed, or does not say whether the revision is significant.',
  run({ doc, isPrimary, reportOnPlan, reportOnHeading }) {
    if (!isPrimary) return;
    const rule = getProcessRules().rule(CODE);
    const why = refreshEvidence(doc, rule);
    if (why === undefined) return;
    const logHits = rule.find(doc, 'changeLog');
    if (logHits.length === 0) {
      reportOnPlan(
        l10n.t('The plan presents itself as a revised version ({0}) but has no summary of what has changed. When a plan is revised, the changes must be published: the whole plan again for a significant revision, otherwise a document that sets out the changes ({1}). Add a "Changes in this version" section that lists them and says whether the revision is significant.', why, rule.legalBasis),
        { missing: 'change-log' },
      );
      return;
    }
    // Whether the revision is significant is looked for in the sections that hold the change log.
    const { sections } = doc.plan;
    const logSections = [...new Set(logHits.map((h) => sectionAt(sections, h.start)))].map((i) => sections[i]!);
    const significance = rule.find(doc, 'significance');
    const stated = logSections.some((s) => significance.some((h) => h.start >= s.start && h.end <= s.treeEnd));
    if (stated) return;
    const first = logSections[0]!;
    const message = l10n.t('The summary of changes does not say whether this revision is significant. A significant revision is published in full and shared again with the integrated care partnership, each Health and Wellbeing Board and NHS England; for any other revision a document setting out the changes is enough ({0}). Say which kind of revision this is.', rule.legalBasis);
    // The significance note belongs in the change log's section; a change log before any heading is a plan-wide matter.
    if (first.depth > 0) reportOnHeading(first, message, { missing: 'significance' }, { severity: 'information' });
    else reportOnPlan(message, { missing: 'significance' }, { severity: 'information' });
  },
};
