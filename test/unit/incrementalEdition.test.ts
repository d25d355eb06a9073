import * as assert from 'node:assert/strict';
import { analyseDocument, analysePlan, editionIndex } from '../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { catalogueForEdition } from '../../server/src/analysis/data/editions.js';
import { indexOf } from '../../server/src/analysis/model/document.js';

const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('incremental: a plan of another edition', () => {
  const catalogue = getDefaultCatalogue();
  const uri = 'file:///w/plan.md';
  const text = md('---', 'plan: joint-forward-plan', 'period: 2026/27 to 2030/31', '---', '', '# NHS Vale Joint Forward Plan', '', '## Reducing inequalities', '', 'We will reduce health inequalities with our partners.');

  it('has its terms found once, against its own edition, and analyses as when found against the base catalogue', () => {
    const doc = analyseDocument(uri, text, editionIndex(catalogue));
    const own = indexCatalogue(catalogueForEdition(catalogue, '2026'));
    assert.notEqual(own, indexCatalogue(catalogue), 'the 2026 edition has its own catalogue');
    assert.equal(indexOf(doc), own);
    const plan = analysePlan([doc], catalogue);
    assert.equal(plan.identity.edition.id, '2026');
    assert.equal(plan.documents[0], doc, 'the document is not analysed again');
    const before = analysePlan([analyseDocument(uri, text, indexCatalogue(catalogue))], catalogue);
    assert.notEqual(before.documents[0], doc);
    assert.deepEqual(plan.coverage, before.coverage);
    assert.deepEqual(plan.findings.get(uri), before.findings.get(uri));
  });

  it('follows an edition chosen by the configuration', () => {
    const doc = analyseDocument(uri, text, editionIndex(catalogue, { edition: '2023', source: 'settings' }));
    assert.equal(indexOf(doc), indexCatalogue(catalogueForEdition(catalogue, '2023')));
  });
});
