import { DEFAULT_CONFIG } from '../data/config.js';
import { documentReadability } from '../text/readability.js';
import type { Rule } from './rule.js';
import { reportByRun, type RunMemory } from './runFindings.js';
import * as l10n from '@vscode/l10n';

/** jfp.style.sentence-length: a sentence of prose longer than options.readability.maxSentenceWords words. */
export const styleSentenceLength: Rule<'jfp.style.sentence-length'> = {
  code: 'jfp.style.sentence-length',
  defaultSeverity: 'hint',
  description: `A sentence in a paragraph or list item is longer than the word limit (${DEFAULT_CONFIG.readability.maxSentenceWords} words by default).`,
  run(ctx) {
    const { doc, options, report } = ctx;
    const limit = options.readability.maxSentenceWords;
    // Per run of blocks: an edit looks again only at the runs it changed.
    const readability = documentReadability(doc);
    reportByRun(ctx, memory, String(limit), (placed) => {
      const read = readability.run(placed);
      if (read.maxWords <= limit) return;
      for (const s of read.sentences) {
        if (s.words <= limit) continue;
        report(
          placed.start + s.s,
          placed.start + s.e,
          l10n.t("This sentence has {0} words; the limit is {1}. Long sentences are hard to follow, especially for people reading in a second language or with a cognitive impairment, and the NHS digital service manual's content style guide asks for short sentences. Try splitting it, or turning a series into a list.", s.words, limit),
          { words: s.words, limit },
        );
      }
    });
  },
};

const memory: RunMemory = new WeakMap();
