import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

describe('rule jfp.duty.missing', () => {
  it('reports each missing counted item on the title, with its legal basis', () => {
    const plan = analyseMini(md('---', 'plan: joint-forward-plan', '---', '# Our plan', '', '## Climate change', 'Green Plan.'));
    const findings = findingsOf(plan, 'jfp.duty.missing');
    assert.deepEqual(
      findings.map((f) => f.data?.itemId),
      ['duty-integration', 'area-estates'],
    );
    const integration = findings[0]!;
    assert.equal(integration.severity, 'warning');
    assert.deepEqual(integration.range.start, { line: 3, character: 0 });
    assert.match(integration.message, /Duty to promote integration/);
    assert.match(integration.message, /s\.14Z42/);
    assert.equal(findings[1]!.severity, 'information');
    assert.match(findings[1]!.message, /unconfirmed/);
  });

  it('is silent for covered, partial and waived items', () => {
    const plan = analyseMini(md('# P', '## Integration', 'We join up care.', '## A', 'net zero', '<!-- jfp-waive area-estates: elsewhere -->'));
    assert.deepEqual(
      findingsOf(plan, 'jfp.duty.missing'),
      [],
    );
  });

  it('says when a section is started but has no content yet', () => {
    const plan = analyseMini(md('# P', '## Integration', '', '<!-- jfp: duty-integration -->', '', 'TBC'));
    const f = plan.findings.get('file:///plan.md')!.find((x) => x.code === 'jfp.duty.missing' && x.data?.itemId === 'duty-integration');
    assert.match(f!.message, /"Integration" is started but has no content yet/);
  });

  it('reports a waived statutory duty as not met, with the reason', () => {
    const plan = analyseMini(md('# P', '<!-- jfp-waive duty-integration: done elsewhere -->'));
    const f = plan.findings.get('file:///plan.md')!.find((x) => x.code === 'jfp.duty.missing' && x.data?.itemId === 'duty-integration');
    assert.match(f!.message, /statutory duty or requirement cannot be waived \(waiver: done elsewhere\)/);
  });

  it('follows the configured level, and "off" silences it', () => {
    const text = '# P';
    const err = analyseMini(text, { levels: { 'jfp.duty.missing': 'error' } }).findings.get('file:///plan.md')!;
    const missing = err.filter((f) => f.code === 'jfp.duty.missing');
    assert.ok(missing.length > 0 && missing.every((f) => f.severity === 'error'));
    const off = analyseMini(text, { levels: { 'jfp.duty.missing': 'off' } }).findings.get('file:///plan.md')!;
    assert.equal(off.filter((f) => f.code === 'jfp.duty.missing').length, 0);
  });

  it('anchors to the first line when the plan has no title', () => {
    const f = analyseMini('Some text.').findings.get('file:///plan.md')!.find((x) => x.code === 'jfp.duty.missing')!;
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
  });
});
