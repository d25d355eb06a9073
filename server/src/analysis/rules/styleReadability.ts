import { DEFAULT_CONFIG } from '../data/config.js';
import { readingShare, documentReadability, smogGrade } from '../text/readability.js';
import type { Rule } from './rule.js';
import { reportByRun, type RunMemory } from './runFindings.js';
import * as l10n from '@vscode/l10n';

/** jfp.style.readability: a section whose SMOG grade is above options.readability.smogThreshold. */
export const styleReadability: Rule<'jfp.style.readability'> = {
  code: 'jfp.style.readability',
  defaultSeverity: 'hint',
  description: `A section's prose has a SMOG readability grade above the threshold (${DEFAULT_CONFIG.readability.smogThreshold} by default).`,
  run(ctx) {
    const { doc, options, reportOnHeading } = ctx;
    const threshold = options.readability.smogThreshold;
    const { sections } = doc.plan;
    // A section's own prose is the run of blocks its heading starts (see ../text/runs.ts): an edit grades again only the sections it changed.
    const readability = documentReadability(doc);
    reportByRun(ctx, memory, String(threshold), (placed) => {
      const section = sections[placed.section];
      if (!section || section.depth === 0) return;
      const read = readability.run(placed);
      const smog = smogGrade(read.polysyllables, read.sentences.length);
      if (smog === undefined || smog <= threshold) return;
      const grade = Math.round(smog * 10) / 10;
      const { share, percent } = readingShare(smog);
      reportOnHeading(
        section,
        l10n.t("This section is hard to read: its SMOG readability grade is {0}, a level {1}{2} can read. The limit is {3}; the NHS digital service manual's content style guide says that above 14 most people may struggle. Use shorter sentences and everyday words, and test the text with readers.", grade.toFixed(1), share, percent ? ` (${percent}%)` : '', threshold),
        { smog: grade, threshold, sentences: read.sentences.length, polysyllables: read.polysyllables },
      );
    });
  },
};

const memory: RunMemory = new WeakMap();
