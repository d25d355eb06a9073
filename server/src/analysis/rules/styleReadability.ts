import { DEFAULT_CONFIG } from '../data/config.js';
import { documentReadability, readingShare } from '../text/readability.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.style.readability: a section whose SMOG grade is above options.readability.smogThreshold. */
export const styleReadability: Rule<'jfp.style.readability'> = {
  code: 'jfp.style.readability',
  defaultSeverity: 'hint',
  description: `A section's prose has a SMOG readability grade above the threshold (${DEFAULT_CONFIG.readability.smogThreshold} by default).`,
  run({ doc, options, reportOnHeading }) {
    const threshold = options.readability.smogThreshold;
    const { sections } = documentReadability(doc);
    for (const section of doc.plan.sections) {
      const smog = sections[section.index]?.smog;
      if (section.depth === 0 || smog === undefined || smog <= threshold) continue;
      const grade = Math.round(smog * 10) / 10;
      const { share, percent } = readingShare(smog);
      reportOnHeading(
        section,
        l10n.t("This section is hard to read: its SMOG readability grade is {0}, a level {1}{2} can read. The limit is {3}; the NHS digital service manual's content style guide says that above 14 most people may struggle. Use shorter sentences and everyday words, and test the text with readers.", grade.toFixed(1), share, percent ? ` (${percent}%)` : '', threshold),
        { smog: grade, threshold, sentences: sections[section.index]!.sentences, polysyllables: sections[section.index]!.polysyllables },
      );
    }
  },
};
