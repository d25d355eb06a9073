import * as assert from 'node:assert/strict';
import { analyseText, type AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import { changesBetween } from '../../../server/src/analysis/rules/planEdition.js';
import { editionById } from '../../../server/src/analysis/data/planning.js';
import type { Finding, FindingFix } from '../../../server/src/analysis/types.js';
import { md } from '../../helpers.js';

const CODE = 'jfp.plan.edition';
const NOW = new Date(2026, 10, 15, 12);

function edition(text: string, options: AnalysisOptions = {}): Finding[] {
  return analyseText('file:///w/plan.md', text, undefined, { ...options, ruleOptions: { now: NOW } }).findings.get('file:///w/plan.md')!.filter((f) => f.code === CODE);
}

const plan = (...frontMatter: string[]) => md('---', 'plan: joint-forward-plan', ...frontMatter, '---', '', '# NHS Vale Joint Forward Plan', '', 'Text.');

describe('rule jfp.plan.edition', () => {
  it('says nothing when the edition is the one the period fits, or chosen from it', () => {
    assert.deepEqual(edition(plan('period: 2026/27 to 2030/31')), []);
    assert.deepEqual(edition(plan('period: 2026/27 to 2030/31', 'edition: 2026')), []);
    assert.deepEqual(edition(plan('period: 2024/25 to 2028/29', 'edition: 2024')), []);
    assert.deepEqual(edition(plan('edition: 2023')), [], 'no period: nothing to compare with');
    assert.deepEqual(edition(plan('period: 2022/23 to 2026/27', 'edition: 2026')), [], 'a newer edition than the period is a choice, not a problem');
  });

  it('reports an older edition in the front matter, says what changed, and offers to switch', () => {
    const text = plan('period: 2026/27 to 2030/31', 'edition: 2023');
    const [f, ...rest] = edition(text);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'information');
    assert.match(f.message, /period starts in 2026\/27, so the 2026 edition of the catalogue \(2026\/27 round: five-year strategic commissioning plans\) fits it, but the plan is checked against the older 2023 edition/);
    assert.match(f.message, /chosen in the front matter/);
    assert.match(f.message, /What changed: 2024: plans are reviewed or revised.*; 2026: six guidance items are added/);
    assert.match(f.message, /rests on research that is not confirmed/);
    assert.equal(f.range.start.line, 3, 'on the edition: value');
    const fix = (f.data as { switchTo?: FindingFix }).switchTo!;
    assert.equal(fix.title, 'Check against the 2026 edition (2026/27 round: five-year strategic commissioning plans)');
    assert.equal(f.data?.fix, undefined, 'never a "fix all" fix');
    const lines = text.split('\n');
    const e = fix.edits[0]!;
    assert.equal(lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character), '2023');
    assert.equal(e.newText, '2026');
  });

  it('reports an edition set by the configuration on the title, without a fix', () => {
    const [f] = edition(plan('period: 2026/27 to 2030/31'), { edition: { edition: '2024', source: '.jfp.json' } });
    assert.ok(f);
    assert.match(f.message, /older 2024 edition \(Update for 2024\/25\), chosen by "edition" in \.jfp\.json/);
    assert.match(f.message, /change the edition by "edition" in \.jfp\.json, or set it to "auto"/);
    assert.equal(f.range.start.line, 5);
    assert.equal((f.data as { switchTo?: unknown }).switchTo, undefined);
  });

  it('reports an unknown edition and the one used instead', () => {
    const [f] = edition(plan('period: 2026/27 to 2030/31', 'edition: 2025'));
    assert.ok(f);
    assert.match(f.message, /"edition: 2025" is not a catalogue edition jfp-assist knows \(2023, 2024, 2026\)\. The plan is checked against the 2026 edition .*, chosen from its period\./);
    assert.equal((f.data as { switchTo: FindingFix }).switchTo.edits[0]!.newText, '2026');
  });

  it('can be turned off', () => {
    assert.deepEqual(edition(plan('period: 2026/27 to 2030/31', 'edition: 2023'), { levels: { [CODE]: 'off' } }), []);
  });

  it('lists the changes between two editions, oldest first', () => {
    assert.deepEqual(changesBetween(editionById('2024')!, editionById('2024')!), []);
    assert.ok(changesBetween(editionById('2023')!, editionById('2026')!)[0]!.startsWith('2024: '));
  });
});
