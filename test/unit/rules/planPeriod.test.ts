import * as assert from 'node:assert/strict';
import { analysePlan } from '../../../server/src/analysis/analyse.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../../server/src/analysis/model/document.js';
import { findYearRanges } from '../../../server/src/analysis/rules/planPeriod.js';
import { financialYearOf, formatPeriod } from '../../../shared/period.js';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md, miniCatalogue } from '../../helpers.js';

const CODE = 'jfp.plan.period';
/** 15 November 2026, local time: financial year 2026/27. */
const NOW = new Date(2026, 10, 15, 12);

function period(text: string, options: AnalysisOptions = {}): Finding<typeof CODE>[] {
  return findingsOf(analyseMini(text, { ...options, ruleOptions: { now: NOW, ...options.ruleOptions } }), CODE);
}

describe('rule jfp.plan.period', () => {
  describe('reading year ranges', () => {
    const cases: [string, [number, number] | undefined][] = [
      ['2025/26 to 2029/30', [2025, 5]],
      ['2025/26-2029/30', [2025, 5]],
      ['2025-26 to 2029-30', [2025, 5]],
      ['2025\u201326 to 2029\u201330', [2025, 5]],
      ['2025/26 \u2013 2029/30', [2025, 5]],
      ['2025\u20132030', [2025, 5]],
      ['2025 to 2030', [2025, 5]],
      ['2025-2030', [2025, 5]],
      ['2024-29', [2024, 5]],
      ['2025/2026 to 2029/2030', [2025, 5]],
      ['April 2026 to March 2031', [2026, 5]],
      ['2026/27 to 2031', [2026, 5]],
      ['2026/27 to 2029/30', [2026, 4]],
      ['2026/27 to 2031/32', [2026, 6]],
      ['2026 to 2030', [2026, 4]],
      ['2026/27', undefined],
      ['2025-2026', undefined],
      ['2026-11-15', undefined],
      ['1 April 2026', undefined],
      ['2030 to 2025', undefined],
      ['2025/27 to 2029/30', undefined],
    ];
    for (const [text, expected] of cases) {
      it(`"${text}" -> ${expected ? formatPeriod(expected[0], expected[1]) : 'no range'}`, () => {
        const [range] = findYearRanges(`The plan covers ${text}.`);
        assert.deepEqual(range && [range.firstYear, range.years], expected);
      });
    }

    it('takes the financial year to start on 1 April', () => {
      assert.equal(financialYearOf(new Date(2027, 2, 31, 23)), 2026);
      assert.equal(financialYearOf(new Date(2027, 3, 1, 0)), 2027);
    });
  });

  describe('checking the plan', () => {
    const withPeriod = (p: string, title = 'Our plan') => md('---', `period: ${p}`, '---', `# ${title}`, '', 'Text.');

    const cases: { name: string; text: string; problems?: string[]; message?: RegExp }[] = [
      { name: 'a current five-year period in the front matter', text: withPeriod('2026/27 to 2030/31') },
      { name: 'a five-year period starting next year', text: withPeriod('2027/28 to 2031/32') },
      { name: 'a four-year period', text: withPeriod('2026/27 to 2029/30'), problems: ['length'], message: /covers 4 financial years; a Joint Forward Plan covers five \(NHS Act 2006 s\.14Z52\(1\)\)/ },
      { name: 'a six-year period', text: withPeriod('2026/27 to 2031/32'), problems: ['length'], message: /covers 6 financial years/ },
      { name: 'a stale period', text: withPeriod('2025/26 to 2029/30'), problems: ['stale'], message: /starts in 2025\/26, before the current financial year 2026\/27.*refresh it for 2026\/27 to 2030\/31/ },
      { name: 'a stale four-year period', text: withPeriod('2024/25 to 2027/28'), problems: ['length', 'stale'], message: /covers 4 financial years.*It also starts in 2024\/25/ },
      { name: 'calendar years in the title', text: md('# Joint Forward Plan 2026\u20132031', 'Text.') },
      { name: 'stale calendar years in the title', text: md('# Joint Forward Plan 2025\u20132030', 'Text.'), problems: ['stale'], message: /2025\u20132030, read as 2025\/26 to 2029\/30, in the title/ },
      { name: 'the front matter title when there is no heading', text: md('---', 'title: Joint Forward Plan 2026/27 to 2029/30', '---', 'Text.'), problems: ['length'], message: /in the title/ },
      { name: 'a range in the text when neither gives one', text: md('# Our plan', '', 'This plan covers 2026/27 to 2029/30.'), problems: ['length'], message: /in the text, as no period is given/ },
      { name: 'the front matter before the title', text: withPeriod('2026/27 to 2030/31', 'Plan 2020 to 2024') },
      { name: 'the title before the text', text: md('# Plan 2026/27 to 2030/31', '', 'Our first plan covered 2023/24 to 2027/28.') },
    ];
    for (const c of cases) {
      it(`${c.problems ? 'reports' : 'accepts'} ${c.name}`, () => {
        const findings = period(c.text);
        if (!c.problems) {
          assert.deepEqual(findings, []);
          return;
        }
        assert.equal(findings.length, 1, 'one finding');
        assert.equal(findings[0]!.severity, 'warning');
        assert.deepEqual(findings[0]!.data?.problems, c.problems);
        assert.match(findings[0]!.message, c.message!);
      });
    }

    it('places the finding on the period in the front matter', () => {
      const [f] = period(withPeriod('2026/27 to 2029/30'));
      assert.deepEqual(f!.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 26 } });
      assert.equal(f!.data?.source, 'front matter');
    });

    it('reads a period written as a quoted value with a comment, or as a block, and places the finding on the years', () => {
      const [quoted] = period(withPeriod('"2026/27 to 2029/30"  # four years'));
      assert.deepEqual(quoted!.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 27 } });
      const [block] = period(md('---', 'period: >', '  2026/27 to 2029/30', '---', '# Our plan'));
      assert.deepEqual(block!.data.problems, ['length']);
      assert.deepEqual(block!.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 20 } });
    });

    it('places the finding on the years in the title', () => {
      const [f] = period(md('# Joint Forward Plan 2025\u20132030', 'Text.'));
      assert.deepEqual(f!.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 30 } });
    });

    it('reports a plan that gives no years, suggesting a period from today', () => {
      const [f] = period(md('# Our plan', '', 'Over the next five years we will do better.'));
      assert.ok(f);
      assert.deepEqual(f.data?.problems, ['missing']);
      assert.match(f.message, /`period: 2026\/27 to 2030\/31`/);
      assert.match(f.message, /s\.14Z52\(1\)/);
      assert.deepEqual(f.range.start, { line: 0, character: 0 });
      const [later] = period('# Our plan', { ruleOptions: { now: new Date(2027, 3, 1, 12) } });
      assert.match(later!.message, /`period: 2027\/28 to 2031\/32`/);
    });

    it('reports a front matter period it cannot read, on the value', () => {
      const [f] = period(withPeriod('the next five years'));
      assert.deepEqual(f!.data?.problems, ['unreadable']);
      assert.match(f!.message, /"the next five years"/);
      assert.deepEqual(f!.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 27 } });
    });

    it('ignores years in code, comments and link targets', () => {
      const findings = period(md('# Our plan', '', '<!-- 2026/27 to 2030/31 -->', '', '`2026/27 to 2030/31`', '', '[our strategy](https://example.org/2026-2031)'));
      assert.deepEqual(findings[0]?.data?.problems, ['missing']);
    });

    it('becomes stale on 1 April', () => {
      const text = withPeriod('2026/27 to 2030/31');
      assert.deepEqual(period(text, { ruleOptions: { now: new Date(2027, 2, 31, 12) } }), []);
      assert.deepEqual(period(text, { ruleOptions: { now: new Date(2027, 3, 1, 12) } })[0]?.data?.problems, ['stale']);
    });

    it('also applies to a public summary', () => {
      assert.equal(period(withPeriod('2026/27 to 2029/30'), { mode: 'summary' }).length, 1);
    });

    it('reports only on the primary document', () => {
      const index = indexCatalogue(miniCatalogue());
      const main = analyseDocument('file:///a.md', md('---', 'plan: joint-forward-plan', '---', '# Plan 2024/25 to 2027/28'), index);
      const chapter = analyseDocument('file:///b.md', '# Chapter 2024/25 to 2027/28', index);
      const plan = analysePlan([main, chapter], miniCatalogue(), { ruleOptions: { now: NOW } });
      assert.equal(plan.findings.get('file:///a.md')!.filter((f) => f.code === CODE).length, 1);
      assert.equal(plan.findings.get('file:///b.md')!.filter((f) => f.code === CODE).length, 0);
    });

    it('follows the configured level', () => {
      const [f] = period(withPeriod('2026/27 to 2029/30'), { levels: { [CODE]: 'error' } });
      assert.equal(f!.severity, 'error');
      assert.deepEqual(period(withPeriod('2026/27 to 2029/30'), { levels: { [CODE]: 'off' } }), []);
    });
  });
});
