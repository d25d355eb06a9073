import * as assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import { DEFAULT_RULE_OPTIONS } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.style.sentence-length';

function longSentences(text: string, options: AnalysisOptions = {}) {
  return findingsOf(analyseMini(text, options), CODE);
}

/** A sentence of n words (n >= 2), ending in a full stop. */
function sentence(n: number, word = 'word'): string {
  return `We ${Array.from({ length: n - 1 }, () => word).join(' ')}.`;
}

const withLimit = (maxSentenceWords: number): AnalysisOptions => ({ ruleOptions: { readability: { ...DEFAULT_RULE_OPTIONS.readability, maxSentenceWords } } });

describe('rule jfp.style.sentence-length', () => {
  it('reports a sentence over the default limit of 35 words, with its exact range, count and limit', () => {
    const long = sentence(36);
    const text = md('# P', '', `Short one. ${long} Another short one.`);
    const [f, ...rest] = longSentences(text);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'hint');
    assert.deepEqual(f.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 11 + long.length } });
    assert.equal(f.data?.words, 36);
    assert.equal(f.data?.limit, 35);
    assert.match(f.message, /36 words; the limit is 35/);
  });

  it('is silent for a sentence of exactly the limit', () => {
    assert.deepEqual(longSentences(md('# P', '', sentence(35))), []);
  });

  it('takes the limit from the options', () => {
    const text = md('# P', '', sentence(12));
    assert.deepEqual(longSentences(text), []);
    const [f] = longSentences(text, withLimit(10));
    assert.equal(f?.data?.words, 12);
    assert.match(f!.message, /the limit is 10/);
    assert.deepEqual(longSentences(text, withLimit(12)), []);
  });

  it('does not end a sentence at abbreviations, section numbers, decimals or initials', () => {
    const text = md(
      '# P',
      '',
      'Partners, e.g. NHS England and the councils, i.e. Vale and Kingsbridge, etc. Agreed with Dr. Okafor that under s.14Z52 of the Act and No. 4 of the rules a rise of 0.2% by J. Smith is enough.',
    );
    const [f] = longSentences(text, withLimit(30));
    assert.ok(f, 'the whole paragraph is one sentence');
    assert.equal(f.data?.words, 37);
  });

  it('splits at full stops, question marks and exclamation marks before a capital', () => {
    const text = md('# P', '', 'Is this one sentence? No! It is three. And this is four.');
    assert.deepEqual(
      longSentences(text, withLimit(3)).map((f) => f.data?.words),
      [4, 4],
    );
  });

  it('counts the text of links and emphasis, not their markup, and points into the source', () => {
    const text = md('# P', '', 'First. **Read** the [integrated care strategy](https://example.org/a.b.c) for more.');
    const [f] = longSentences(text, withLimit(6));
    assert.ok(f);
    assert.equal(f.data?.words, 7);
    // The last sentence of a paragraph runs to the end of the paragraph.
    assert.deepEqual(f.range, { start: { line: 2, character: 7 }, end: { line: 2, character: text.split('\n')[2]!.length } });
  });

  it('checks list items, paragraph by paragraph', () => {
    const text = md('# P', '', '- Short item', `- ${sentence(40)}`, '- Another short item');
    const [f, ...rest] = longSentences(text);
    assert.equal(rest.length, 0);
    assert.equal(f?.range.start.line, 3);
    assert.equal(f?.range.start.character, 2);
  });

  it('ignores headings, tables, code, HTML comments and front matter', () => {
    const long = sentence(40);
    const text = md(
      '---',
      `title: ${long}`,
      '---',
      `# ${long}`,
      '',
      '| A | B |',
      '|---|---|',
      `| ${long} | x |`,
      '',
      '```',
      long,
      '```',
      '',
      `<!-- ${long} -->`,
      '',
      `    ${long}`,
    );
    assert.deepEqual(longSentences(text), []);
  });

  it('counts inline code as one word', () => {
    const text = md('# P', '', 'Write `<!-- jfp-waive need-x: covered by the joint strategy. See it -->` in the plan.');
    assert.deepEqual(longSentences(text, withLimit(5)).map((f) => f.data?.words), []);
    assert.deepEqual(longSentences(text, withLimit(4)).map((f) => f.data?.words), [5]);
  });
});
