import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getProcessRules } from '../../../server/src/analysis/data/processRules.js';
import { analyseDocument } from '../../../server/src/analysis/model/document.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parsePlan } from '../../../server/src/analysis/model/plan.js';
import { parseMarkdown } from '../../../server/src/analysis/model/markdown.js';
import { getGlossary } from '../../../server/src/analysis/data/glossary.js';
import { glossaryHits, glossaryParts } from '../../../server/src/analysis/rules/glossaryParts.js';

describe('rules: abbreviation and term hits found part by part', () => {
  const hits = (text: string, parse: (t: string) => ReturnType<typeof parseMarkdown>) => {
    const plan = parsePlan(text, parse);
    const parts = glossaryParts(plan);
    return {
      parts,
      abbreviations: parts.flatMap((p) => glossaryHits(p, plan).abbreviations.map((h) => [h.abbreviation, p.start + h.start])),
      terms: parts.flatMap((p) => glossaryHits(p, plan).terms.map((h) => [h.key, p.start + h.start])),
      whole: {
        abbreviations: getGlossary().abbreviations.match(text, plan.excluded).map((h) => [h.abbreviation, h.start]),
        terms: getGlossary().terms.match(text, plan.excluded).map((h) => [h.key, h.start]),
      },
    };
  };

  it('cuts only before a heading that starts a line with "#", and finds the hits of one pass over the text', () => {
    const text = 'The ICB.\n\n# One\n\nThe integrated\n\ncare board\n===\n\nand the CCG `ICB`.\n\n  ## Indented\n\nThe ICS.\n\n## Two\n\n<!-- ICB -->\nA PCN.\n';
    const found = hits(text, parseMarkdown);
    assert.deepEqual(
      found.parts.map((p) => p.start),
      [0, 10, text.indexOf('## Two')],
      'not before the setext heading (a term runs into it) nor the indented one',
    );
    assert.deepEqual({ abbreviations: found.abbreviations, terms: found.terms }, found.whole);
    assert.ok(found.terms.some(([key]) => key === 'integrated care board'));
  });

  it('keeps the parts an edit did not touch, and matches again those it did', () => {
    const parser = new IncrementalParser();
    const text = '# A\n\nThe ICB.\n\n## B\n\nThe PCN.\n\n## C\n\nThe CCG.\n';
    const before = hits(text, (t) => parser.parse(t)).parts.map((p) => p.part);
    const edited = text.replace('The PCN.', 'The PCN and the ICS.');
    const after = hits(edited, (t) => parser.parse(t));
    assert.deepEqual(
      after.parts.map((p, i) => p.part === before[i]),
      [true, false, true],
    );
    assert.deepEqual({ abbreviations: after.abbreviations, terms: after.terms }, after.whole);
  });

  it('matches a part again when an excluded range that meets it changes elsewhere', () => {
    const parser = new IncrementalParser();
    const text = '# A\n\n<!-- jfp-annex:start -->\n\n## B\n\nThe ICB.\n\n## C\n\n<!-- jfp-annex:end -->\n';
    const first = hits(text, (t) => parser.parse(t));
    assert.deepEqual(first.abbreviations, []);
    const edited = text.replace('<!-- jfp-annex:end -->', 'end');
    const second = hits(edited, (t) => parser.parse(t));
    assert.deepEqual(second.abbreviations, [['ICB', text.indexOf('ICB')]]);
    assert.deepEqual({ abbreviations: second.abbreviations, terms: second.terms }, second.whole);
  });

  it('finds, on random plans, the hits of one pass over the whole text: abbreviations, terms and process phrases', () => {
    const piece = fc.constantFrom(
      '# Plan\n\n', '## Chapter\n\n', '  ## Indented\n\n', 'Setext\n---\n\n', 'Better\n\n', 'Care Fund\n===\n\n', '- Care Fund\n', 'clinical\n\n',
      'commissioning group\n---\n\n', 'The BCF, the ICB and our CCG. ', 'See the integrated care strategy and the JSNA. ', '`ICB` ', '<!-- ICB -->\n\n',
      '```\n# ICB\n```\n\n', 'joint capital resource\n\n# use plan\n\n', '[the JSNA](http://x/ICB) ', '\n', '#', 'x', '> # quoted ICB\n\n',
    );
    const index = indexCatalogue(getDefaultCatalogue());
    const rules = getProcessRules();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const found = hits(text, parseMarkdown);
        assert.deepEqual({ abbreviations: found.abbreviations, terms: found.terms }, found.whole);
        const doc = analyseDocument('file:///x.md', text, index, parseMarkdown);
        for (const code of rules.codes) {
          const rule = rules.rule(code);
          for (const group of ['jsna', 'integratedCareStrategy', 'capitalPlan', 'trusts', 'views', 'board', 'opinion', 'changeLog']) {
            let phrases: readonly string[];
            try {
              phrases = rule.phrases(group);
            } catch {
              continue;
            }
            const whole = rule.matcher(group).match(text, doc.plan.excluded);
            assert.deepEqual(rule.find(doc, group), whole, `${code} ${group}`);
            assert.equal(rule.occursInPlan([doc], group), whole.length > 0);
            assert.ok(phrases.length > 0);
          }
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });
});
