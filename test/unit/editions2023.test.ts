import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePlan, analyseText } from '../../server/src/analysis/analyse.js';
import { computeCoverage } from '../../server/src/analysis/coverage.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { ROOT } from '../helpers.js';
import { pinnedCoverage } from './editions2023.pin.js';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md'), 'utf8');

describe('the 2023 edition keeps the results from before editions', () => {
  it('pins the example plan: its coverage and findings under 2023 (regenerate with scripts/pin-example-2023.mjs)', () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'data', 'example-2023-coverage.json'), 'utf8')) as unknown;
    assert.deepEqual(pinnedCoverage(EXAMPLE), pinned);
  });

  it('is the built-in catalogue, scored exactly as the coverage code scores it without editions', () => {
    const base = getDefaultCatalogue();
    const doc = analyseDocument('file:///w/wessex-vale-joint-forward-plan.md', EXAMPLE, indexCatalogue(base));
    const plan = analysePlan([doc], base, { edition: { edition: '2023', source: '.jfp.json' } });
    assert.equal(plan.identity.edition.id, '2023');
    assert.equal(plan.identity.editionSource, '.jfp.json');
    assert.equal(plan.index.catalogue, base);
    assert.deepEqual(plan.coverage, computeCoverage([doc], indexCatalogue(base), { mode: 'full' }));
  });

  it('the example (2026/27 to 2030/31) is otherwise checked against 2026, with every 2023 item and six more', () => {
    const plan2026 = analyseText('file:///w/wessex-vale-joint-forward-plan.md', EXAMPLE);
    assert.equal(plan2026.identity.edition.id, '2026');
    assert.equal(plan2026.identity.editionSource, 'period');
    const plan2023 = analyseText('file:///w/wessex-vale-joint-forward-plan.md', EXAMPLE, undefined, { edition: { edition: '2023', source: 'settings' } });
    assert.deepEqual(
      plan2023.coverage.map((c) => c.id),
      plan2026.coverage.map((c) => c.id).filter((id) => plan2023.byId.has(id)),
    );
    assert.equal(plan2026.summary.total, plan2023.summary.total + 6);
  });
});
