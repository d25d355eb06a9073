import type { FindingData } from './findings.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** The opening hashes of an ATX heading ("## Title"), as offsets within the heading's source. */
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/** jfp.style.heading-increment: a heading more than one level below the heading before it (## then ####). */
export const styleHeadingIncrement: Rule<'jfp.style.heading-increment'> = {
  code: 'jfp.style.heading-increment',
  defaultSeverity: 'warning',
  description: 'A heading skips a level (for example a level-4 heading straight after a level-2 heading).',
  run({ doc, reportOnHeading }) {
    const { plan } = doc;
    let previous = 0;
    for (const section of plan.sections) {
      if (section.depth === 0) continue;
      const expected = previous + 1;
      if (previous > 0 && section.depth > expected) {
        const data: FindingData<'jfp.style.heading-increment'> = { depth: section.depth, expected };
        // Only an ATX heading can be fixed by changing its hashes (Setext headings are levels 1 and 2, which never skip).
        const atx = ATX.exec(plan.text.slice(section.headingStart, section.headingEnd));
        if (atx) {
          const hashStart = section.headingStart + atx[0].length - atx[1]!.length;
          data.fix = {
            title: `Change to a level-${expected} heading`,
            edits: [{ range: plan.lines.rangeOf(hashStart, hashStart + atx[1]!.length), newText: '#'.repeat(expected) }],
          };
        }
        reportOnHeading(
          section,
          l10n.t('This level-{0} heading comes straight after a level-{1} heading, skipping level {2}. People who use screen readers move around a document by its headings, and a skipped level makes them think they have missed a section. Make it a level-{3} heading ({4}), or add the missing heading above it.', section.depth, previous, expected, expected, '#'.repeat(expected)),
          data,
        );
      }
      previous = section.depth;
    }
  },
};
