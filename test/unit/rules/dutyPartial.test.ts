import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

describe('rule jfp.duty.partial', () => {
  it('reports a partly covered item on its best evidence heading', () => {
    const plan = analyseMini(md('# P', '', '## Travel', '', 'We aim for net zero.'));
    const [f] = findingsOf(plan, 'jfp.duty.partial');
    assert.ok(f);
    assert.equal(f.data?.itemId, 'duty-climate-change');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
    assert.match(f.message, /net zero/);
    assert.equal(f.data?.line, 2);
  });

  it('is silent once the item is addressed', () => {
    const plan = analyseMini(md('# P', '## Travel', 'net zero, carbon and our Green Plan.'));
    assert.equal(findingsOf(plan, 'jfp.duty.partial').length, 0);
  });
});
