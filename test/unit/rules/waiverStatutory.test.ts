import * as assert from 'node:assert/strict';
import { analyseMini } from '../../helpers.js';

describe('rule jfp.waiver.statutory', () => {
  it('explains on the comment that a statutory duty cannot be waived, and the duty counts as not met', () => {
    const plan = analyseMini('# P\n\n<!-- jfp-waive duty-climate-change: in our green plan -->');
    const [f] = plan.findings.get('file:///plan.md')!.filter((x) => x.code === 'jfp.waiver.statutory');
    assert.ok(f);
    assert.equal(f.severity, 'information');
    assert.equal(f.data?.itemId, 'duty-climate-change');
    assert.equal(f.range.start.line, 2);
    assert.match(f.message, /cannot waive it/);
    assert.equal(plan.byId.get('duty-climate-change')!.status, 'missing');
    assert.equal(plan.summary.waived, 0);
  });

  it('is silent for a waived content area, which counts as waived', () => {
    const plan = analyseMini('# P\n\n<!-- jfp-waive area-estates: see the estates strategy -->');
    assert.equal(plan.findings.get('file:///plan.md')!.filter((x) => x.code === 'jfp.waiver.statutory').length, 0);
    assert.equal(plan.byId.get('area-estates')!.status, 'waived');
  });
});
