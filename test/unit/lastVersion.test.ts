import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonEnd, commonEnds, commonStart, LastVersions } from '../../server/src/analysis/lastVersion.js';
import { parsePlan } from '../../server/src/analysis/model/plan.js';

const LINES = ['# Plan\n', '## Workforce\n', '### Staff\n', 'Setext\n---\n', '\n', 'We will grow our workforce.\n', 'Net zero by 2040.\n', '- TBC\n', 'x'.repeat(9000) + '\n'];
const text = fc.array(fc.constantFrom(...LINES), { maxLength: 20 }).map((l) => l.join(''));

describe('the last version of a document', function () {
  this.timeout(120_000);

  it('finds the common start and end of two texts, also across the blocks it compares at a time', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', 'x', '\n## New\n'), (a, at, remove, insert) => {
        const from = at % (a.length + 1);
        const b = a.slice(0, from) + insert + a.slice(from + remove);
        let start = 0;
        while (start < Math.min(a.length, b.length) && a[start] === b[start]) start++;
        let end = 0;
        while (end < Math.min(a.length, b.length) - start && a[a.length - end - 1] === b[b.length - end - 1]) end++;
        assert.equal(commonStart(a, b), start);
        assert.equal(commonEnd(a, b, start), end);
        // Remembered for the last pair: asked again, or after another pair, the same answer.
        assert.deepEqual(commonEnds(a, b), { start, end });
        assert.deepEqual(commonEnds(b, a), { start, end });
        assert.deepEqual(commonEnds(a, b), { start, end });
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('carries a value only to a section whose text is the same as in the last version', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', 'x', '\n## New\n', '#'), (a, at, remove, insert) => {
        const from = at % (a.length + 1);
        const b = a.slice(0, from) + insert + a.slice(from + remove);
        const [before, after] = [parsePlan(a), parsePlan(b)];
        const last = new LastVersions<string>();
        last.remember('u', a, before.sections, before.sections.map((s) => a.slice(s.start, s.end)));
        const carried = last.carried('u', b, after.sections);
        after.sections.forEach((s, i) => {
          if (carried[i] !== undefined) assert.equal(carried[i], b.slice(s.start, s.end));
        });
        // A section wholly before the edit, parsed the same as in the last version, is carried.
        const same = (s: (typeof after.sections)[number]) => before.sections.some((o) => o.start === s.start && o.end === s.end && o.headingEnd === s.headingEnd && o.depth === s.depth);
        for (const s of after.sections) if (s.end < from && s.start < s.end && same(s)) assert.notEqual(carried[s.index], undefined);
        assert.deepEqual(last.carried('other', b, after.sections), new Array(after.sections.length));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
