import * as assert from 'node:assert/strict';
import { quoteAround, sectionFacts, sentenceAround } from '../../server/src/analysis/evidence.js';
import { parsePlan } from '../../server/src/analysis/model/plan.js';
import { md } from '../helpers.js';

describe('section facts and quotes', () => {
  it('counts prose words and sentences, not headings, comments, open tasks, labels or to-do words', () => {
    const plan = parsePlan(md('# P', '## A', '<!-- To do: write -->', 'TBC', '- [ ] Green plan', '- Range of services:', '- Key element: TBD', 'We will act. Then we will report!', '- a list item'));
    const facts = sectionFacts(plan)[2]!;
    assert.equal(facts.words, 10);
    assert.equal(facts.sentences, 3);
    assert.equal(facts.placeholders.length, 4);
    assert.equal(sectionFacts(parsePlan(md('# P', '## A', '<!-- jfp: duty-quality -->')))[2]!.words, 0);
  });

  it('quotes the sentence or list item around a term, without Markdown marks', () => {
    const text = md('# P', '', 'First sentence here. We aim for **net zero** by 2040. Last one.', '', '- one item', '- [net zero](https://x.example) in a link');
    const plan = parsePlan(text);
    const at = text.indexOf('net zero');
    assert.equal(quoteAround(plan, { key: 'net zero', start: at, end: at + 8 }, [0, text.length]), 'We aim for net zero by 2040.');
    const inList = text.lastIndexOf('net zero');
    assert.equal(quoteAround(plan, { key: 'net zero', start: inList, end: inList + 8 }, [0, text.length]), 'net zero in a link');
    const [s, e] = sentenceAround(text, text.indexOf('one item'));
    assert.equal(text.slice(s, e), '- one item');
  });
});
