import * as assert from 'node:assert/strict';
import { explainItem } from '../../../server/src/analysis/explain.js';
import { hover } from '../../../server/src/lsp/features/hover.js';
import { analyseFiles, analyseTextAt, EXAMPLE_PLAN, lineOf, md } from '../../helpers.js';

describe('hover (in process)', () => {
  const { plan, doc } = analyseFiles([EXAMPLE_PLAN]);
  const explained = (id: string, format: 'markdown' | 'plaintext' = 'markdown') => explainItem(plan.index.catalogue.get(id)!, plan.byId.get(id), format);

  it('explains the duty a heading maps to, over the whole heading, with this plan’s checklist', () => {
    const line = lineOf(EXAMPLE_PLAN, '## Climate change and net zero');
    const h = hover(doc, plan, { line, character: 5 }, 'markdown')!;
    assert.deepEqual(h.range, { start: { line, character: 0 }, end: { line, character: '## Climate change and net zero'.length } });
    assert.deepEqual(h.contents, { kind: 'markdown', value: explained('duty-climate-change') });
    assert.match(explained('duty-climate-change'), /^\*\*Duty as to climate change\*\* · Statutory duty\n\nLegal basis: NHS Act 2006 s\.14Z44/);
    assert.match(explained('duty-climate-change'), /\n\nIn this plan: addressed · 1 section\n\n/);
  });

  it('explains the id under the cursor in a jfp comment, over that id only', () => {
    const line = lineOf(EXAMPLE_PLAN, '<!-- jfp: duty-integration');
    const h = hover(doc, plan, { line, character: 14 }, 'markdown')!;
    assert.deepEqual(h.range, { start: { line, character: '<!-- jfp: '.length }, end: { line, character: '<!-- jfp: duty-integration'.length } });
    assert.deepEqual(h.contents, { kind: 'markdown', value: explained('duty-integration') });
  });

  it('explains a waived item with its reason', () => {
    const h = hover(doc, plan, { line: lineOf(EXAMPLE_PLAN, '<!-- jfp-waive area-procurement'), character: 20 }, 'markdown')!;
    assert.deepEqual(h.contents, { kind: 'markdown', value: explained('area-procurement') });
    assert.match(explained('area-procurement'), /In this plan: waived · no reason given/);
  });

  it('says nothing over ordinary text', () => {
    assert.equal(hover(doc, plan, { line: lineOf(EXAMPLE_PLAN, '## Foreword') + 2, character: 0 }, 'markdown'), null);
  });

  it('answers in plain text when asked to', () => {
    const h = hover(doc, plan, { line: lineOf(EXAMPLE_PLAN, '## Climate change and net zero'), character: 5 }, 'plaintext')!;
    assert.deepEqual(h.contents, { kind: 'plaintext', value: explained('duty-climate-change', 'plaintext') });
    assert.doesNotMatch(explained('duty-climate-change', 'plaintext'), /\*\*/);
  });

  it('explains an abbreviation and an outdated name from the glossary, but never in code', () => {
    const text = md('# Plan', '', 'The ICB works with the CCG.', '', '`ICB` in code.');
    const { plan: p, doc: d } = analyseTextAt('/tmp/glossary-forward-plan.md', text);
    const icb = hover(d, p, { line: 2, character: 5 }, 'markdown')!;
    assert.deepEqual(icb.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
    assert.match((icb.contents as { value: string }).value, /^\*\*Integrated care board \(ICB\)\*\*\n\n/);
    const ccg = hover(d, p, { line: 2, character: 24 }, 'markdown')!;
    assert.match((ccg.contents as { value: string }).value, /^\*\*Clinical commissioning group \(CCG\)\*\* · out of date\n\n/);
    assert.equal(hover(d, p, { line: 4, character: 2 }, 'markdown'), null);
  });
});
