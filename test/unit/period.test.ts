import * as assert from 'node:assert/strict';
import { defaultPlanPeriod, financialYearOf, formatFinancialYear, formatPeriod } from '../../shared/period.js';

describe('shared/period', () => {
  it('starts the financial year on 1 April', () => {
    assert.equal(financialYearOf(new Date(2027, 2, 31, 23, 59)), 2026);
    assert.equal(financialYearOf(new Date(2027, 3, 1, 0, 0)), 2027);
    assert.equal(financialYearOf(new Date(2026, 11, 31)), 2026);
  });

  it('writes financial years and periods the way plans do', () => {
    assert.equal(formatFinancialYear(2026), '2026/27');
    assert.equal(formatFinancialYear(2099), '2099/00');
    assert.equal(formatFinancialYear(2008), '2008/09');
    assert.equal(formatPeriod(2026, 1), '2026/27');
    assert.equal(formatPeriod(2026, 5), '2026/27 to 2030/31');
  });

  it('gives a new plan the five financial years from the current one', () => {
    assert.equal(defaultPlanPeriod(new Date(2026, 11, 3)), '2026/27 to 2030/31');
    assert.equal(defaultPlanPeriod(new Date(2027, 2, 31)), '2026/27 to 2030/31');
    assert.equal(defaultPlanPeriod(new Date(2027, 3, 1)), '2027/28 to 2031/32');
    assert.equal(defaultPlanPeriod(new Date(2030, 6, 1)), '2030/31 to 2034/35');
  });
});
