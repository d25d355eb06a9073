import * as assert from 'node:assert/strict';
import { analyseMini, md } from '../../helpers.js';

describe('rule jfp.tag.unknown', () => {
  it('reports an unknown id at its exact range, suggesting the closest id', () => {
    const text = md('# P', '## A', '<!-- jfp: duty-integraton, duty-climate-change -->');
    const [f] = analyseMini(text).findings.get('file:///plan.md')!.filter((x) => x.code === 'jfp.tag.unknown');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
    assert.equal(f.data?.suggestion, 'duty-integration');
  });

  it('suggests the full id for a truncated one, and nothing for nonsense', () => {
    const findings = analyseMini('# P\n<!-- jfp: duty-climate -->\n<!-- jfp: zzzzzzzz -->').findings.get('file:///plan.md')!.filter((x) => x.code === 'jfp.tag.unknown');
    assert.equal(findings[0]!.data?.suggestion, 'duty-climate-change');
    assert.equal(findings[1]!.data?.suggestion, undefined);
  });

  it('reports unknown ids in waivers and comments with no id', () => {
    const findings = analyseMini('# P\n<!-- jfp-waive nope: reason -->\n<!-- jfp: -->').findings.get('file:///plan.md')!.filter((x) => x.code === 'jfp.tag.unknown');
    assert.equal(findings.length, 2);
  });
});
