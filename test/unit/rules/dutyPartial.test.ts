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
    assert.equal(f.data?.line, undefined, 'mapping a one-sentence section would not address it: no map fix');
  });

  it('is silent once the item is addressed', () => {
    const plan = analyseMini(
      md('# P', '## Travel', 'We will reach net zero for the emissions we control by 2040. Fewer journeys to clinics cut the carbon from travel. Our Green Plan sets yearly targets for each trust, and every trust reports on them to its board each year. Climate risks are on every trust risk register.'),
    );
    assert.equal(findingsOf(plan, 'jfp.duty.partial').length, 0);
  });
});
