import * as assert from 'node:assert/strict';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { isStatutory, getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { identifyPlan, namesItselfPlan, planTypeOf } from '../../server/src/analysis/planIdentity.js';
import { formatJson } from '../../server/src/formats/json.js';
import { formatText } from '../../server/src/formats/text.js';
import { md } from '../helpers.js';

const doc = (uri: string, text: string) => analyseDocument(uri, text, indexCatalogue(getDefaultCatalogue()));
const identify = (uri: string, text: string, override?: Parameters<typeof identifyPlan>[1]) => identifyPlan(doc(uri, text), override);

describe('plan type and edition (planIdentity)', () => {
  it('a "Five-year strategic commissioning plan 2026/27 to 2030/31" without front matter is a plan, checked against 2026 with every statutory item', () => {
    const text = md('# Five-year strategic commissioning plan 2026/27 to 2030/31', '', '## Joining up care', '', 'We will integrate services with social care.');
    const d = doc('file:///w/plan.md', text);
    assert.ok(namesItselfPlan(d.plan));
    const plan = analyseText('file:///w/plan.md', text);
    assert.equal(plan.identity.type.id, 'strategic-commissioning-plan');
    assert.equal(plan.identity.typeSource, 'title');
    assert.equal(plan.identity.edition.id, '2026');
    assert.equal(plan.identity.editionSource, 'period');
    const statutory = getDefaultCatalogue().items.filter(isStatutory).map((i) => i.id);
    assert.deepEqual(plan.coverage.filter((c) => statutory.includes(c.id)).map((c) => c.id), statutory);
    const json = JSON.parse(formatJson(plan, (u) => u)) as { edition: { id: string }; planType: { id: string; name: string }; coverage: { id: string }[] };
    assert.equal(json.edition.id, '2026');
    assert.equal(json.planType.name, 'Five-year strategic commissioning plan');
    for (const id of ['area-three-shifts', 'area-neighbourhood-health', 'area-strategic-commissioning', 'area-triangulation', 'area-success-measures', 'area-delegated-commissioning']) {
      assert.ok(json.coverage.some((c) => c.id === id), id);
    }
    assert.match(formatText(plan, (u) => u), /^ {2}Five-year strategic commissioning plan · 2026 edition \(2026\/27 round/m);
  });

  it('reads the type from the front matter, then the title, then the file name', () => {
    assert.deepEqual(planTypeOf(doc('file:///w/x.md', md('---', 'plan: strategic-commissioning-plan', '---', '# Our plan'))).source, 'front matter');
    assert.equal(planTypeOf(doc('file:///w/x.md', md('---', 'plan: Strategic-Commissioning-Plan', '---'))).type.id, 'strategic-commissioning-plan');
    assert.equal(planTypeOf(doc('file:///w/x.md', md('---', 'title: NHS Vale Shared Delivery Plan', '---', 'Text.'))).type.id, 'joint-forward-plan');
    const byFile = planTypeOf(doc('file:///w/plans/5-year-narrative-plan.md', md('# Our plan')));
    assert.deepEqual([byFile.type.id, byFile.source], ['strategic-commissioning-plan', 'file name']);
    const byDefault = planTypeOf(doc('file:///w/jfp/chapter%201.md', md('# Chapter 1')));
    assert.deepEqual([byDefault.type.id, byDefault.source], ['joint-forward-plan', 'default']);
    assert.ok(!namesItselfPlan(doc('file:///w/notes.md', md('# Notes on the forward look')).plan));
    assert.ok(namesItselfPlan(doc('file:///w/notes.md', md('---', 'plan: joint-forward-plan', '---')).plan));
  });

  it('chooses the edition: configuration, then front matter, then period, then the type', () => {
    const jfp2024 = md('---', 'plan: joint-forward-plan', 'period: 2024/25 to 2028/29', '---', '# Plan');
    assert.deepEqual(pick(identify('file:///w/a.md', jfp2024)), ['2024', 'period', '2024']);
    assert.deepEqual(pick(identify('file:///w/a.md', md('---', 'period: 2022/23 to 2026/27', '---'))), ['2023', 'period', '2023']);
    assert.deepEqual(pick(identify('file:///w/a.md', md('---', 'edition: 2023', 'period: 2026/27 to 2030/31', '---'))), ['2023', 'front matter', '2026']);
    assert.deepEqual(pick(identify('file:///w/a.md', md('---', 'edition: "2026"', '---', '# Joint Forward Plan'))), ['2026', 'front matter', undefined]);
    assert.deepEqual(pick(identify('file:///w/a.md', md('# Joint Forward Plan'))), ['2023', 'plan type', undefined]);
    assert.deepEqual(pick(identify('file:///w/a.md', md('# Strategic Commissioning Plan'))), ['2026', 'plan type', undefined]);
    assert.deepEqual(pick(identify('file:///w/a.md', md('---', 'edition: 2026', '---'), { edition: '2024', source: 'settings' })), ['2024', 'settings', undefined]);
    assert.deepEqual(pick(identify('file:///w/a.md', jfp2024, { edition: 'auto', source: '.jfp.json' })), ['2024', 'period', '2024']);
    const unknown = identify('file:///w/a.md', md('---', 'edition: 2025', 'period: 2026/27 to 2030/31', '---'));
    assert.deepEqual([unknown.unknownEdition, unknown.edition.id, unknown.editionSource], ['2025', '2026', 'period']);
    assert.equal(identifyPlan(undefined).type.id, 'joint-forward-plan');
  });
});

function pick(i: ReturnType<typeof identifyPlan>): [string, string, string | undefined] {
  return [i.edition.id, i.editionSource, i.fittingEdition?.id];
}
