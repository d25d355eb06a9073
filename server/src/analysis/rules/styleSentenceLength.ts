import { documentReadability } from '../text/readability.js';
import type { Finding } from '../types.js';
import { findingRange, type Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** jfp.style.sentence-length: a sentence of prose longer than options.readability.maxSentenceWords words. */
export const styleSentenceLength: Rule = {
  code: 'jfp.style.sentence-length',
  defaultSeverity: 'hint',
  description: 'A sentence in a paragraph or list item is longer than the word limit (35 words by default).',
  run({ doc, options }) {
    const limit = options.readability.maxSentenceWords;
    const findings: Finding[] = [];
    for (const s of documentReadability(doc).sentences) {
      if (s.words <= limit) continue;
      findings.push({
        uri: doc.uri,
        range: findingRange(doc, s.start, s.end),
        severity: this.defaultSeverity,
        code: this.code,
        message: l10n.t("This sentence has {0} words; the limit is {1}. Long sentences are hard to follow, especially for people reading in a second language or with a cognitive impairment, and the NHS digital service manual's content style guide asks for short sentences. Try splitting it, or turning a series into a list.", s.words, limit),
        data: { words: s.words, limit },
      });
    }
    return findings;
  },
};
