import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.strategy-references';
const run = (text: string): Finding<typeof CODE>[] => findingsOf(analyseMini(text), CODE);

describe('rule jfp.process.strategy-references', () => {
  it('reports each missing reference separately, as information', () => {
    const findings = run(md('# Plan', '', 'Text.'));
    assert.deepEqual(
      findings.map((f) => f.data.group),
      ['integratedCareStrategy', 'jsna'],
    );
    assert.ok(findings.every((f) => f.severity === 'information'));
    assert.match(findings[0]!.message, /integrated care strategy/);
    assert.match(findings[1]!.message, /joint strategic needs assessment \(JSNA\)/);
    assert.ok(findings.every((f) => /Local Government and Public Involvement in Health Act 2007 s\.116B\(1\)/.test(f.message)));
  });

  it('reports only the JSNA when the strategy is mentioned', () => {
    assert.deepEqual(
      run(md('# Plan', '', 'This plan delivers our [integrated care strategy](https://example.org/ics).')).map((f) => f.data.group),
      ['jsna'],
    );
  });

  it('reports only the strategy when the JSNAs are mentioned', () => {
    assert.deepEqual(
      run(md('# Plan', '', 'Our JSNAs tell us about need.')).map((f) => f.data.group),
      ['integratedCareStrategy'],
    );
  });

  it('is satisfied by both', () => {
    assert.deepEqual(run(md('# Plan', '', 'The ICP strategy and the joint strategic needs assessment shape this plan.')), []);
  });
});
