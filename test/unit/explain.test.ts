import * as assert from 'node:assert/strict';
import { explainItem, statusLine } from '../../server/src/analysis/explain.js';
import { analyseMini, md, miniCatalogue } from '../helpers.js';

describe('explainItem', () => {
  const item = miniCatalogue().get('duty-climate-change')!;
  const plan = analyseMini(md('# P', '## Climate change', 'Our Green Plan.'));

  it('gives title, legal basis, summary, status, element checklist, resources and source', () => {
    const text = explainItem(item, plan.byId.get(item.id), 'markdown');
    assert.match(text, /\*\*Duty as to climate change\*\*/);
    assert.match(text, /Legal basis: NHS Act 2006 s\.14Z44 \(confirmed against the text\)/);
    assert.match(text, /In this plan: partly covered · 1 section/);
    assert.match(text, /✓ Green Plan/);
    assert.match(text, /✗ Adaptation/);
    assert.match(text, /Delivering a Net Zero NHS/);
    assert.match(text, /Source: Test guidance, Climate change\./);
  });

  it('has a plain-text form without Markdown markup', () => {
    const text = explainItem(item, undefined, 'plaintext');
    assert.ok(!text.includes('**'));
    assert.ok(text.startsWith('Duty as to climate change'));
  });

  it('marks an unconfirmed legal basis', () => {
    assert.match(explainItem(miniCatalogue().get('area-estates')!, undefined, 'plaintext'), /unconfirmed/);
  });

  it('describes statuses in a line', () => {
    assert.equal(statusLine(plan.byId.get('duty-integration')!), 'not covered');
  });
});
