import * as assert from 'node:assert/strict';
import { StemMatcher } from '../../server/src/analysis/text/stems.js';
import { TermMatcher } from '../../server/src/analysis/text/terms.js';

/** Steps a generator to its end; how many steps it took. */
function steps(g: Generator<void, void>): number {
  let n = 0;
  while (!g.next().done) n++;
  return n;
}

describe('term matchers prepared in steps', () => {
  it('find a long text\'s unknown segments a few per step, and then match as from scratch', () => {
    let text = '';
    for (let i = 0; i < 400; i++) text += `## Part ${i}\n\nWe will reduce health inequalities and reach net zero carbon in part ${i}.\n\n`;
    assert.ok(text.length >= TermMatcher.segmentMin && text.length >= StemMatcher.segmentMin);
    const phrases = ['health inequalities', 'net zero', 'carbon'];
    for (const make of [() => new TermMatcher(phrases), () => new StemMatcher(phrases)]) {
      const matcher = make();
      assert.ok(steps(matcher.prepare(text)) >= 400 / 32 - 1, 'one step per 32 segments found');
      assert.equal(steps(matcher.prepare(text)), 0, 'nothing left to find');
      const edited = text.replace('in part 7.', 'in part 7, with carbon.');
      assert.equal(steps(matcher.prepare(edited)), 0, 'one segment found again: less than a step');
      assert.deepEqual(matcher.match(edited, [[10, 40]]), make().match(edited, [[10, 40]]));
      // Left unfinished, then matched: the same.
      const other = text.replaceAll('net zero', 'net-zero');
      matcher.prepare(other).next();
      assert.deepEqual(matcher.match(other), make().match(other));
    }
  });
});
