import * as assert from 'node:assert/strict';
import { analysePlan, choosePrimary, FindingsByDocument } from '../../server/src/analysis/analyse.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { miniCatalogue } from '../helpers.js';

describe('analyse', () => {
  const index = () => indexCatalogue(miniCatalogue());

  it('runs the rules for a document only when its findings are asked for, and once', () => {
    const docs = ['file:///a.md', 'file:///b.md'].map((uri) => analyseDocument(uri, '# T', index()));
    const runs: string[] = [];
    const findings = new FindingsByDocument(docs, function* (doc) {
      runs.push(doc.uri);
      yield;
      return [];
    });
    assert.deepEqual(runs, []);
    findings.get('file:///b.md');
    findings.get('file:///b.md');
    assert.deepEqual(runs, ['file:///b.md']);
    assert.equal(findings.get('file:///other.md'), undefined);
  });

  it('settles findings step by step, stops when told to and keeps nothing, and then gives what get gives', async () => {
    const docs = [analyseDocument('file:///a.md', '---\nplan: joint-forward-plan\n---\n# Plan', index())];
    const plan = analysePlan(docs, miniCatalogue());
    let pauses = 0;
    assert.equal(await plan.presented.settle('file:///a.md', async () => ++pauses < 3), false);
    assert.equal(pauses, 3, 'stopped at the third pause');
    pauses = 0;
    assert.equal(await plan.presented.settle('file:///a.md', async () => (++pauses, true)), true);
    assert.ok(pauses > 3, 'a pause between rules');
    const fresh = analysePlan(docs, miniCatalogue());
    assert.deepEqual(plan.presented.get('file:///a.md'), fresh.presented.get('file:///a.md'));
    pauses = 0;
    assert.equal(await plan.presented.settle('file:///a.md', async () => (++pauses, true)), true);
    assert.equal(pauses, 0, 'known findings need no step');
    assert.equal(await plan.presented.settle('file:///other.md', async () => false), true);
  });

  it('computes coverage step by step when settled, keeps what is done when stopped, and gives what an eager read gives', async () => {
    const text = '---\nplan: joint-forward-plan\n---\n# Plan\n\n## Climate change\n\nWe will cut carbon emissions and reach net zero.';
    const docs = [analyseDocument('file:///a.md', text, index())];
    const plan = analysePlan(docs, miniCatalogue());
    let pauses = 0;
    assert.equal(await plan.settleCoverage!(async () => ++pauses < 2), false);
    assert.equal(pauses, 2);
    assert.equal(await plan.settleCoverage!(async () => (++pauses, true)), true);
    assert.ok(pauses > 2 + 1, 'a pause after each item');
    const eager = analysePlan(docs, miniCatalogue());
    assert.deepEqual(plan.coverage, eager.coverage);
    assert.deepEqual(plan.summary, eager.summary);
    assert.equal(plan.percent, eager.percent);
    pauses = 0;
    assert.equal(await plan.settleCoverage!(async () => (++pauses, true)), true);
    assert.equal(pauses, 0, 'nothing left to compute');
  });

  it('the quick first result and the full one share the rules both run, and each equals its own computation', () => {
    const text = '---\nplan: joint-forward-plan\n---\n# Plan\n\nThe ICB works with the NHS.\n\n## Climate change\n\nWe will cut carbon emissions.';
    const docs = [analyseDocument('file:///a.md', text, index())];
    const shared = analysePlan(docs, miniCatalogue());
    const first = shared.first.get('file:///a.md')!;
    const full = shared.presented.get('file:///a.md')!;
    const alone = analysePlan(docs, miniCatalogue());
    assert.deepEqual(full, alone.presented.get('file:///a.md'));
    assert.deepEqual(first, analysePlan(docs, miniCatalogue()).first.get('file:///a.md'));
    const firstRaw = new Set(first.map((f) => f.code));
    assert.ok(full.some((f) => firstRaw.has(f.code)), 'the full result holds findings of rules the first one ran');
  });

  it('gives each document of a plan its findings, plan-wide ones on the primary', () => {
    const a = analyseDocument('file:///a.md', '---\nplan: joint-forward-plan\n---\n# Plan', index());
    const b = analyseDocument('file:///b.md', '# Chapter\n\n<!-- jfp-waive area-estates -->', index());
    const plan = analysePlan([b, a], miniCatalogue());
    assert.equal(choosePrimary([b, a]), 'file:///a.md');
    assert.ok(plan.findings.get('file:///a.md')!.some((f) => f.code === 'jfp.duty.missing'));
    assert.ok(!plan.findings.get('file:///b.md')!.some((f) => f.code === 'jfp.duty.missing'));
    assert.ok(plan.findings.get('file:///b.md')!.some((f) => f.code === 'jfp.waiver.no-reason'));
  });
});
