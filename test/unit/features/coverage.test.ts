import * as assert from 'node:assert/strict';
import { coverageResult } from '../../../server/src/lsp/features/coverage.js';
import { pathToUri } from '../../../server/src/host/uri.js';
import { analyseFiles, DRAFT_PLAN, EXAMPLE_PLAN, lineOf, PLACE_CHAPTER } from '../../helpers.js';

describe('jfp/coverage result (in process)', () => {
  it('is the plan’s coverage in the CLI JSON shape, with document URIs and 1-based lines', () => {
    const { plan } = analyseFiles([EXAMPLE_PLAN]);
    const result = coverageResult(plan);
    assert.equal(result.isPlan, true);
    assert.deepEqual(result.summary, plan.summary);
    assert.equal(result.percent, plan.percent);
    assert.deepEqual(result.items.map((i) => i.id), plan.coverage.map((c) => c.id));
    const climate = result.items.find((i) => i.id === 'duty-climate-change')!;
    assert.deepEqual([climate.status, climate.kind], ['addressed', 'statutory-duty']);
    assert.deepEqual(climate.evidence.map((e) => [e.file, e.line, e.how]), [[pathToUri(EXAMPLE_PLAN), lineOf(EXAMPLE_PLAN, '## Climate change and net zero') + 1, 'heading']]);
    const c = plan.byId.get('duty-climate-change')!;
    assert.deepEqual(climate.elements, { covered: c.elements.covered, total: c.elements.total, missing: c.elements.missing });
    const procurement = result.items.find((i) => i.id === 'area-procurement')!;
    assert.equal(procurement.status, 'waived');
    assert.deepEqual(procurement.waiver, { file: pathToUri(EXAMPLE_PLAN), line: lineOf(EXAMPLE_PLAN, '<!-- jfp-waive area-procurement') + 1, reason: '' });
    const victims = result.items.find((i) => i.id === 'need-victims-of-abuse')!;
    assert.equal(victims.status, 'addressed');
    assert.ok(victims.evidence[0]!.quote, 'the evidence is quoted');
  });

  it('takes evidence from every file of a multi-file plan', () => {
    const { plan } = analyseFiles([DRAFT_PLAN, PLACE_CHAPTER]);
    const victims = coverageResult(plan).items.find((i) => i.id === 'need-victims-of-abuse')!;
    assert.equal(victims.status, 'addressed');
    assert.deepEqual([...new Set(victims.evidence.map((e) => e.file))], [pathToUri(PLACE_CHAPTER)]);
  });

  it('is empty, and says so, for a document that is not a plan', () => {
    assert.deepEqual(coverageResult(undefined), { isPlan: false, items: [], summary: { addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 }, percent: 0 });
  });
});
