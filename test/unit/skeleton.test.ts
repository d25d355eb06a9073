import * as assert from 'node:assert/strict';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { planTemplate, sectionSkeleton, sectionSnippet } from '../../server/src/analysis/skeleton.js';
import { getDefaultCatalogue, isStatutory } from '../../server/src/analysis/data/catalogue.js';
import { statusLine } from '../../server/src/analysis/explain.js';
import { gateFailures } from '../../server/src/cli/cli.js';
import { miniCatalogue } from '../helpers.js';

describe('skeleton', () => {
  const item = miniCatalogue().get('duty-integration')!;

  it('writes a heading, a mapping comment and a to-do comment listing the key elements', () => {
    const text = sectionSkeleton(item, 2);
    assert.ok(text.startsWith('## Integration\n\n<!-- jfp: duty-integration -->'));
    for (const e of item.keyElements) assert.ok(text.includes(`- ${e.label}`));
    assert.ok(text.includes('s.14Z42'));
    assert.equal((text.match(/<!--/g) ?? []).length, (text.match(/-->/g) ?? []).length);
  });

  it('makes a snippet with tab stops', () => {
    const body = sectionSnippet(item).join('\n');
    assert.ok(body.includes('${1:Integration}'));
    assert.ok(body.includes('$0'));
  });

  it('makes a plan template in which every item is a section started, and none is covered', () => {
    const text = planTemplate(miniCatalogue(), 'NHS Test: North # East ICB', '2026/27 to 2030/31');
    const plan = analyseText('file:///new.md', text, miniCatalogue());
    assert.ok(text.startsWith('---\nplan: joint-forward-plan\n'));
    const front = plan.documents[0]!.plan.frontMatter!;
    assert.equal(front.error, undefined);
    assert.equal(front.data.icb, 'NHS Test: North # East ICB');
    for (const c of plan.coverage.filter((x) => x.counted)) {
      assert.equal(c.status, 'missing', c.id);
      assert.equal(c.started, true, c.id);
      assert.equal(c.elements.covered, 0, c.id);
    }
    assert.equal(plan.percent, 0);
  });

  it('makes a template from the built-in catalogue that shows 0 of 27 covered', () => {
    const plan = analyseText('file:///new.md', planTemplate(getDefaultCatalogue(), 'NHS Wessex Vale ICB', '2023/24 to 2027/28'));
    assert.equal(plan.summary.total, 27);
    assert.equal(plan.summary.addressed, 0);
    assert.equal(plan.summary.partial, 0);
    assert.equal(plan.percent, 0);
    assert.equal(gateFailures(plan, 'missing-statutory').length, plan.coverage.filter((c) => c.counted && isStatutory(getDefaultCatalogue().get(c.id)!)).length);
    assert.equal(statusLine(plan.byId.get('duty-quality')!), 'section started, no content yet');
  });

  it('makes a plan of the type asked for, with the sections of the edition that fits the period', () => {
    const scp = planTemplate(getDefaultCatalogue(), 'NHS Vale ICB', '2026/27 to 2030/31', 'strategic-commissioning-plan');
    assert.ok(scp.startsWith('---\nplan: strategic-commissioning-plan\ntitle: "NHS Vale ICB Five-year strategic commissioning plan"\n'));
    assert.match(scp, /^# NHS Vale ICB Five-year strategic commissioning plan 2026\/27 to 2030\/31$/m);
    assert.match(scp, /<!-- jfp: area-three-shifts -->/);
    const plan = analyseText('file:///new.md', scp);
    assert.deepEqual([plan.identity.type.id, plan.identity.edition.id], ['strategic-commissioning-plan', '2026']);
    // Every item of the edition has its section, started but not yet covered (a heading alone says where, not how well).
    for (const c of plan.coverage.filter((x) => x.counted)) assert.deepEqual([c.status, c.started], ['missing', true], c.id);
    const jfp2025 = planTemplate(getDefaultCatalogue(), 'NHS Vale ICB', '2025/26 to 2029/30');
    assert.doesNotMatch(jfp2025, /area-three-shifts/);
    assert.match(jfp2025, /the 2024 edition/);
    assert.match(planTemplate(getDefaultCatalogue(), 'NHS Vale ICB', 'five years', 'strategic-commissioning-plan'), /the 2026 edition/, 'an unreadable period: the type decides');
  });
});
