import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stemKey, StemMatcher } from '../../server/src/analysis/text/stems.js';

const keys = (m: StemMatcher, text: string) => m.match(text).map((h) => text.slice(h.start, h.end));

describe('StemMatcher', () => {
  it('finds inflected and derived forms of a phrase', () => {
    const m = new StemMatcher(['integration', 'involve', 'joined up']);
    assert.deepEqual(keys(m, 'Integrated care, integrating teams; we involve and are involving people; care is joined-up, joining up.'), [
      'Integrated',
      'integrating',
      'involve',
      'involving',
      'joined-up',
      'joining up',
    ]);
    assert.equal(stemKey('Involvement'), stemKey('involving'));
  });

  it('finds every phrase where it starts, so a longer one never hides a shorter one', () => {
    const m = new StemMatcher(['research and innovation', 'research', 'innovation']);
    assert.deepEqual(keys(m, 'Research and innovation.'), ['Research', 'Research and innovation', 'innovation']);
  });

  it('does not join words across a full stop, a bracket or a blank line, and skips excluded ranges', () => {
    const m = new StemMatcher(['net zero']);
    assert.deepEqual(keys(m, 'Net. Zero (net) zero net\n\nzero'), []);
    assert.deepEqual(keys(m, 'net\nzero, **net** zero'), ['net\nzero', 'net** zero']);
    const text = 'net zero <!-- net zero -->';
    assert.deepEqual(new StemMatcher(['net zero']).match(text, [[9, text.length]]).length, 1);
  });

  it('finds the same in segments cut at headings, remembered across edits, as in one pass', () => {
    const phrases = ['care', 'primary care', 'net zero', 'joined up'];
    const word = fc.constantFrom('care', 'Primary', ' cares', 'net\nzero', 'joined', ' up', '#', '\n', '\n#', '\n# ', ' ', 'x', '.', '\r\n');
    const segmentMin = StemMatcher.segmentMin;
    try {
      fc.assert(
        fc.property(fc.array(fc.array(word, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (versions, cuts) => {
          const segmented = new StemMatcher(phrases);
          const whole = new StemMatcher(phrases);
          // Excluded ranges, some empty, some overlapping or nested, sorted by start.
          const excluded = cuts.map(([a, b]) => [Math.min(a, b) % 120, Math.max(a, b) % 120] as const).sort((p, q) => p[0] - q[0]);
          for (const words of versions) {
            const text = words.join('');
            StemMatcher.segmentMin = 0;
            const a = segmented.match(text, excluded);
            StemMatcher.segmentMin = Infinity;
            assert.deepEqual(a, whole.match(text, excluded), JSON.stringify([text, excluded]));
          }
        }),
        { seed: 13, numRuns: 200 },
      );
    } finally {
      StemMatcher.segmentMin = segmentMin;
    }
  });
});
