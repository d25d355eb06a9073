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
    const findings = new FindingsByDocument(docs, (doc) => {
      runs.push(doc.uri);
      return [];
    });
    assert.deepEqual(runs, []);
    findings.get('file:///b.md');
    findings.get('file:///b.md');
    assert.deepEqual(runs, ['file:///b.md']);
    assert.equal(findings.get('file:///other.md'), undefined);
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
