import * as assert from 'node:assert/strict';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { compareCoverage, formatComparison } from '../../server/src/formats/compare.js';
import { readFixture } from '../helpers.js';

describe('comparison with a previous plan', () => {
  const example = readFixture('..', '..', 'examples', 'wessex-vale-joint-forward-plan.md');
  const previous = analyseText('file:///old/plan.md', example);
  // This year's plan dropped the research section.
  const start = example.indexOf('### Research and evidence');
  const end = example.indexOf('\n#', start + 5);
  const currentText = example.slice(0, start) + example.slice(end + 1);
  const current = analyseText('file:///new/plan.md', currentText);

  it('lists each item whose status changed, lost coverage first', () => {
    const changes = compareCoverage(previous, current);
    assert.ok(changes.length > 0);
    assert.equal(changes[0]!.id, 'duty-research');
    assert.equal(changes[0]!.direction, 'lost');
    assert.equal(changes[0]!.statutory, true);
    assert.equal(changes[0]!.before, 'addressed');
    const firstGain = changes.findIndex((c) => c.direction !== 'lost');
    if (firstGain >= 0) assert.ok(changes.slice(firstGain).every((c) => c.direction !== 'lost'));
  });

  it('reports gains the other way round, and nothing for the same plan', () => {
    const back = compareCoverage(current, previous);
    assert.ok(back.some((c) => c.id === 'duty-research' && c.direction === 'gained'));
    assert.deepEqual(compareCoverage(previous, previous), []);
  });

  it('formats as Markdown and text', () => {
    const changes = compareCoverage(previous, current);
    const markdown = formatComparison(changes, previous, current, 'markdown');
    assert.match(markdown, /^# Changes since the previous plan/);
    assert.match(markdown, /\| \*\*Lost\*\* \| Duty in respect of research \| Yes \| Met \| (Not yet met|Partly met) \|/);
    assert.match(formatComparison(changes, previous, current, 'text'), /lost +Duty in respect of research \(statutory\): Met → /);
    assert.match(formatComparison([], previous, previous, 'text'), /no item changed status/);
  });
});
