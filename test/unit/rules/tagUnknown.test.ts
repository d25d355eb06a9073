import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

describe('rule jfp.tag.unknown', () => {
  it('reports an unknown id at its exact range, suggesting the closest id', () => {
    const text = md('# P', '## A', '<!-- jfp: duty-integraton, duty-climate-change -->');
    const [f] = findingsOf(analyseMini(text), 'jfp.tag.unknown');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
    assert.equal(f.data?.suggestion, 'duty-integration');
  });

  it('suggests the full id for a truncated one, and nothing for nonsense', () => {
    const findings = findingsOf(analyseMini('# P\n<!-- jfp: duty-climate -->\n<!-- jfp: zzzzzzzz -->'), 'jfp.tag.unknown');
    assert.equal(findings[0]!.data?.suggestion, 'duty-climate-change');
    assert.equal(findings[1]!.data?.suggestion, undefined);
  });

  it('reports unknown ids in waivers and comments with no id', () => {
    const findings = findingsOf(analyseMini('# P\n<!-- jfp-waive nope: reason -->\n<!-- jfp: -->'), 'jfp.tag.unknown');
    assert.equal(findings.length, 2);
  });
});
