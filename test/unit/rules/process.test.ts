import * as assert from 'node:assert/strict';
import { InvalidDataError } from '../../../server/src/analysis/data/loadData.js';
import { getProcessRules, loadProcessRules, validateProcessRules } from '../../../server/src/analysis/data/processRules.js';
import { PROCESS_RULES } from '../../../server/src/analysis/rules/process.js';
import { RULE_CODES } from '../../../server/src/analysis/rules/index.js';
import { readFixture } from '../../helpers.js';

const CODES = [
  'jfp.plan.period',
  'jfp.process.partner-trusts',
  'jfp.process.consultation-summary',
  'jfp.process.hwb-opinion',
  'jfp.process.change-log',
  'jfp.process.capital-plan',
  'jfp.process.strategy-references',
];

function shipped(): { rules: Record<string, { legalBasis: string; phrases: Record<string, string[]> }> } {
  return JSON.parse(readFixture('..', '..', 'schemas', 'process-rules.json')) as { rules: Record<string, { legalBasis: string; phrases: Record<string, string[]> }> };
}

describe('process rules', () => {
  it('are all registered, each with a description and a data entry', () => {
    assert.deepEqual(
      PROCESS_RULES.map((r) => r.code),
      CODES,
    );
    for (const code of CODES) assert.ok(RULE_CODES.includes(code), code);
    for (const rule of PROCESS_RULES) {
      assert.ok(rule.description.length > 0);
      assert.match(getProcessRules().rule(rule.code).legalBasis, /\d/);
    }
  });

  it('ship valid data', () => {
    assert.deepEqual(validateProcessRules(shipped()), []);
    assert.deepEqual(getProcessRules().codes.sort(), [...CODES].sort());
  });

  it('reject data without a rule, a phrase group a rule needs, or with an empty phrase', () => {
    const noRule = shipped();
    delete noRule.rules['jfp.process.change-log'];
    assert.ok(validateProcessRules(noRule).some((p) => p.pointer === '/rules' && /change-log/.test(p.message)));

    const noCode = shipped();
    delete (noCode.rules['jfp.process.capital-plan'] as { absent?: unknown }).absent;
    assert.ok(validateProcessRules(noCode).some((p) => p.pointer.startsWith('/rules/jfp.process.capital-plan')), 'an entry without code needs an "absent" block');

    const noGroup = shipped();
    delete noGroup.rules['jfp.process.consultation-summary']!.phrases.response;
    assert.ok(validateProcessRules(noGroup).some((p) => p.pointer === '/rules/jfp.process.consultation-summary/phrases'));

    const empty = shipped();
    empty.rules['jfp.process.capital-plan']!.phrases.capitalPlan!.push(' ');
    assert.ok(validateProcessRules(empty).some((p) => p.pointer.startsWith('/rules/jfp.process.capital-plan/phrases/capitalPlan/')));

    assert.throws(
      () => loadProcessRules(noRule, 'test data'),
      (e: unknown) => e instanceof InvalidDataError && /test data is not valid/.test(e.message) && e.problems.length > 0,
    );
  });

  it('match phrases from the data, so a new phrase needs no code change', () => {
    const data = shipped();
    data.rules['jfp.process.capital-plan']!.phrases.capitalPlan!.push('estates and capital strategy');
    const rule = loadProcessRules(data).rule('jfp.process.capital-plan');
    assert.ok(rule.occursIn('See the Estates and Capital Strategy.', 'capitalPlan'));
    assert.ok(!getProcessRules().rule('jfp.process.capital-plan').occursIn('See the Estates and Capital Strategy.', 'capitalPlan'));
  });
});
