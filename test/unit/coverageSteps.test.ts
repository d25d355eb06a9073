import * as assert from 'node:assert/strict';
import { computeCoverage, coverageSteps } from '../../server/src/analysis/coverage.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { clearSectionEvidence } from '../../server/src/analysis/sectionEvidence.js';

describe('coverage in steps', () => {
  it('scores a plan just opened a few sections per step before its items, left unfinished at any step it changes no result', () => {
    const index = indexCatalogue(getDefaultCatalogue());
    let text = '# Our joint forward plan\n\n';
    for (let i = 0; i < 80; i++) text += `## Part ${i}\n\nWe will reduce health inequalities and cut carbon emissions to reach net zero in part ${i}.\n\n`;
    const items = index.catalogue.items.length;
    const count = (uri: string) => {
      const steps = coverageSteps([analyseDocument(uri, text, index)], index, { mode: 'full' });
      let n = 0;
      for (let s = steps.next(); !s.done; s = steps.next()) n++;
      return n;
    };
    clearSectionEvidence(index);
    const opened = count('file:///a.md');
    assert.ok(opened >= items + 80 / 16, `${opened} steps: one per item and one per 16 sections scored`);
    // Scored already (the same sections' text): nothing left to score but the items.
    assert.ok(count('file:///b.md') <= items + 2);
    // Steps left unfinished, then the same document computed straight through: the same coverage as from scratch.
    clearSectionEvidence(index);
    const doc = analyseDocument('file:///c.md', text, index);
    const steps = coverageSteps([doc], index, { mode: 'full' });
    for (let i = 0; i < 3; i++) steps.next();
    const resumed = computeCoverage([doc], index, { mode: 'full' });
    clearSectionEvidence(index);
    assert.deepEqual(resumed, computeCoverage([analyseDocument('file:///c.md', text, index)], index, { mode: 'full' }));
  });
});
