import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editionById, editionForYear, getPlanning, loadPlanning, newestEdition, planTypeNamedIn, roundFor, validatePlanning } from '../../server/src/analysis/data/planning.js';
import { ROOT } from '../helpers.js';
import { InvalidDataError } from '../../server/src/analysis/data/loadData.js';

const raw = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'planning.json'), 'utf8')) as { planTypes: Record<string, unknown>[]; editions: Record<string, unknown>[] };

describe('plan types, editions and planning rounds (schemas/planning.json)', () => {
  it('is valid against its schema and the checks a schema cannot express', () => {
    assert.deepEqual(validatePlanning(raw()), []);
    assert.deepEqual(getPlanning().editions.map((e) => e.id), ['2023', '2024', '2026']);
    assert.deepEqual(getPlanning().planTypes.map((t) => t.id), ['joint-forward-plan', 'strategic-commissioning-plan']);
  });

  it('reports bad data with a clear error: unknown default edition, editions out of order, duplicates', () => {
    const data = raw();
    data.planTypes[0]!.defaultEdition = '1999';
    [data.editions[0], data.editions[1]] = [data.editions[1]!, data.editions[0]!];
    data.planTypes.push({ ...data.planTypes[1]! });
    const problems = validatePlanning(data).map((p) => `${p.pointer}: ${p.message}`);
    assert.ok(problems.includes('/planTypes/0/defaultEdition: unknown edition "1999"'), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('/editions/1/firstYear: editions must be listed oldest first')));
    assert.ok(problems.some((p) => p.startsWith('/planTypes/2/id: duplicate plan type')));
    assert.throws(() => loadPlanning(data, 'test data'), (e: unknown) => e instanceof InvalidDataError && /The test data is not valid \(3 problems\)/.test(e.message));
    assert.throws(() => loadPlanning({ planTypes: [] }));
  });

  it('finds the edition that fits a plan by its first year', () => {
    assert.equal(editionForYear(2021).id, '2023', 'older plans get the oldest edition');
    assert.equal(editionForYear(2023).id, '2023');
    assert.equal(editionForYear(2024).id, '2024');
    assert.equal(editionForYear(2025).id, '2024');
    assert.equal(editionForYear(2026).id, '2026');
    assert.equal(editionForYear(2030).id, '2026');
    assert.equal(newestEdition().id, '2026');
    assert.equal(editionById(' 2024 ')?.title, 'Update for 2024/25');
    assert.equal(editionById('2025'), undefined);
  });

  it('names plan types in titles and file names, whichever name comes first', () => {
    const type = (text: string) => planTypeNamedIn(text)?.id;
    assert.equal(type('Five-year strategic commissioning plan 2026/27 to 2030/31'), 'strategic-commissioning-plan');
    assert.equal(type('NHS Lancashire 5 Year Strategic Commissioning Plan'), 'strategic-commissioning-plan');
    assert.equal(type('Our five-year narrative plan'), 'strategic-commissioning-plan');
    assert.equal(type('5-year narrative plan'), 'strategic-commissioning-plan');
    assert.equal(type('Population Health and Strategic Commissioning Plan for 2025-2031'), 'strategic-commissioning-plan');
    assert.equal(type('Population health improvement plan'), 'strategic-commissioning-plan');
    assert.equal(type('East Sussex Shared Delivery Plan'), 'joint-forward-plan');
    assert.equal(type('Joint Forward Plan, also our strategic commissioning plan'), 'joint-forward-plan');
    assert.equal(type('strategic_commissioning_plan-2026'), 'strategic-commissioning-plan', 'file names use dashes and underscores');
    assert.equal(type('jointforwardplan'), undefined);
    assert.equal(type('A strategic plan for commissioning'), undefined);
    assert.equal(type('narrative plan'), undefined, 'a narrative plan needs its five years');
  });

  it('has a round per planning year from 2023, each milestone with a source and a confidence', () => {
    for (const year of [2023, 2024, 2025, 2026, 2027]) assert.ok(roundFor(year), `round ${year}`);
    assert.equal(roundFor(2019), undefined);
    const round2026 = roundFor(2026)!;
    assert.ok(round2026.milestones.some((m) => m.when === '2026-05-15'));
    // Dates known only from the trade press are never shown as confirmed.
    for (const m of round2026.milestones) if (/Healthcare Leader News|as reported/.test(m.source)) assert.equal(m.confidence, 'unconfirmed');
  });
});
