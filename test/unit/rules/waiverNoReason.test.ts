import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf } from '../../helpers.js';

describe('rule jfp.waiver.no-reason', () => {
  it('reports a waiver without a reason', () => {
    const [f] = findingsOf(analyseMini('# P\n\n<!-- jfp-waive area-estates -->'), 'jfp.waiver.no-reason');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(f.data?.itemId, 'area-estates');
    assert.equal(f.range.start.line, 2);
  });

  it('is silent when a reason is given', () => {
    const findings = analyseMini('# P\n\n<!-- jfp-waive area-estates: see the estates strategy -->').findings.get('file:///plan.md')!;
    assert.equal(findings.filter((x) => x.code === 'jfp.waiver.no-reason').length, 0);
  });
});
