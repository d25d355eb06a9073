import * as assert from 'node:assert/strict';
import { analyseText, type AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import { md } from '../../helpers.js';

const NOW = new Date(2026, 10, 15, 12);
const trusts = (text: string, options: AnalysisOptions = {}) =>
  analyseText('file:///w/p.md', text, undefined, { ...options, ruleOptions: { now: NOW } })
    .findings.get('file:///w/p.md')!
    .filter((f) => f.code === 'jfp.process.partner-trusts');

describe('rule jfp.process.partner-trusts with dated partner trusts (.jfp.json "organisations")', () => {
  const text = md('---', 'plan: joint-forward-plan', 'period: 2026/27 to 2030/31', '---', '', '# NHS East Joint Forward Plan', '', 'Prepared with Alpha Hospitals NHS Foundation Trust.');

  it('without a list, any partner trust named will do (the data-driven check)', () => {
    assert.deepEqual(trusts(text), []);
    assert.equal(trusts(md('# NHS East Joint Forward Plan', '', 'Prepared by the ICB.')).length, 1);
  });

  it('with a list for the date the plan starts, names each trust not found', () => {
    const organisations = [
      { from: '2023-04-01', partnerTrusts: ['Alpha Hospitals NHS Foundation Trust'] },
      { from: '2026-04-01', partnerTrusts: ['Alpha  Hospitals NHS Foundation Trust', 'Beta Community NHS Trust'] },
    ];
    const [f, ...rest] = trusts(text, { organisations });
    assert.equal(rest.length, 0);
    assert.match(f!.message, /does not name these partner trusts, listed in \.jfp\.json "organisations" for the date the plan starts: Beta Community NHS Trust\./);
    assert.deepEqual(f!.data, { group: 'named-trusts' });
    assert.deepEqual(trusts(text, { organisations: organisations.slice(0, 1) }), []);
    assert.deepEqual(trusts(text, { organisations, mode: 'summary' }), [], 'not in a public summary');
  });
});
