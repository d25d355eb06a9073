import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

describe('rule jfp.element.missing', () => {
  it('lists the key elements not found, on each mapped heading', () => {
    const plan = analyseMini(md('# P', '', '## Climate change and net zero', '', 'Our Green Plan.'));
    const [f] = findingsOf(plan, 'jfp.element.missing');
    assert.ok(f);
    assert.equal(f.severity, 'hint');
    assert.equal(f.range.start.line, 2);
    assert.deepEqual(f.data?.missing, ['Adaptation']);
    assert.match(f.message, /1 of 2 key elements/);
  });

  it('is silent when every element is covered, and for unmapped sections', () => {
    const full = analyseMini(md('# P', '## Climate change', 'Green Plan and heatwave adaptation.'));
    assert.equal(findingsOf(full, 'jfp.element.missing').length, 0);
    const unmapped = analyseMini(md('# P', '## Travel', 'net zero carbon Green Plan'));
    assert.equal(findingsOf(unmapped, 'jfp.element.missing').length, 0);
  });
});
