import * as assert from 'node:assert/strict';
import { applyEdit } from '../../helpers.js';
import fc from 'fast-check';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../../server/src/analysis/model/markdown.js';
import { analyseDocument, analysePlan, editionIndex } from '../../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { clearReadabilityCaches } from '../../../server/src/analysis/text/readability.js';
import { TermMatcher } from '../../../server/src/analysis/text/terms.js';

/**
 * The rules and the findings as shown, remembered per run of blocks and per part of the text
 * (text/runs.ts, rules/runFindings.ts, rules/glossaryParts.ts), equal those of an analysis from
 * scratch after every edit of a random sequence, on plans of many chapters: edits inside and
 * outside long sentences, abbreviations spelled out in one chapter and used in another (and
 * chapters moved), process phrases added and removed, links and images edited, terms that run
 * across a block's end into a setext heading or a list.
 */
const CHAPTER = fc.constantFrom('# Plan\n\n', '## Chapter\n\n', '### Part\n\n', 'Setext heading\n---\n\n', '  ## Indented\n\n', '');
const PROSE = fc.constantFrom(
  'The Better Care Fund (BCF) pays for it. ',
  'The BCF and the ADHD service met. ',
  'Attention deficit hyperactivity disorder (ADHD) support grows. ',
  'The ICB, the ICBs and our CCG met the clinical commissioning group. ',
  'Our Clinical Commissioning Groups merged. ',
  'This is a long sentence that goes on and on '.repeat(5) + 'for ever. ',
  'Considerable organisational complexity necessitates collaboration. '.repeat(4),
  'Short one. ',
  'See the integrated care strategy and the JSNA. ',
  'The joint capital resource use plan is published. ',
  'Our partner trusts are named here. ',
  '[click here](http://x) ',
  '[the integrated care strategy](http://x) ',
  '![](chart.png) ',
  '![A chart](chart.png) ',
  '<img src="a.png">\n\n',
  '`ICB` in code. ',
  // Terms that run from a paragraph into the setext heading or the list after it.
  'Better\n\nCare Fund\n===\n\nThe BCF pays. ',
  'Better\n\n- Care Fund\n\nThe BCF pays. ',
  'clinical\n\ncommissioning group\n---\n\n',
  '\n\n',
  '\n',
);
const chapter = fc.tuple(CHAPTER, fc.array(PROSE, { maxLength: 8 })).map(([h, p]) => h + p.join(''));
const plan = fc.array(chapter, { minLength: 1, maxLength: 10 }).map((c) => c.join(''));
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 20 }),
  insert: fc.oneof(PROSE, fc.constantFrom('', 'x', ' ', '\n', '#', '## New\n\n', 'ICB', '.')),
  move: fc.option(fc.record({ to: fc.nat(), length: fc.nat({ max: 200 }) }), { nil: undefined, freq: 4 }),
});

describe('rules: findings after edits equal findings from scratch', function () {
  this.timeout(300_000);
  const catalogue = getDefaultCatalogue();
  const index = indexCatalogue(catalogue);
  const uri = 'file:///plan.md';
  const options = [
    { ruleOptions: { now: new Date('2026-11-23T12:00:00Z') } },
    { ruleOptions: { now: new Date('2026-11-23T12:00:00Z'), readability: { maxSentenceWords: 8, smogThreshold: 6 } } },
  ];
  const result = (doc: ReturnType<typeof analyseDocument>, o: number) => {
    const p = analysePlan([doc], catalogue, options[o]);
    return { findings: p.findings.get(uri), presented: p.presented.get(uri) };
  };

  it('after every edit of a random sequence, with the rules options changed at times', () => {
    const segmentMin = TermMatcher.segmentMin;
    try {
      fc.assert(
        fc.property(plan, fc.array(fc.tuple(edit, fc.nat({ max: options.length - 1 })), { minLength: 1, maxLength: 10 }), (start, edits) => {
          const parser = new IncrementalParser();
          let text = start;
          for (const [e, o] of [[undefined, 0] as const, ...edits]) {
            if (e) text = applyEdit(text, e);
            TermMatcher.segmentMin = 0;
            const incremental = result(analyseDocument(uri, text, editionIndex(catalogue), (t) => parser.parse(t)), o);
            TermMatcher.segmentMin = Infinity;
            clearReadabilityCaches();
            const full = result(analyseDocument(uri, text, index, parseMarkdown), o);
            assert.deepEqual(incremental, full, JSON.stringify(text));
          }
        }),
        { seed: 20261203, numRuns: 120 },
      );
    } finally {
      TermMatcher.segmentMin = segmentMin;
    }
  });
});
