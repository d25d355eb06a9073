import * as assert from 'node:assert/strict';
import { analysePlan, analyseText } from '../../server/src/analysis/analyse.js';
import { getDefaultCatalogue, isCounted } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { coveragePercent, scoreSection, SCORING } from '../../server/src/analysis/coverage.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { analyseMini, md, miniCatalogue } from '../helpers.js';

const status = (text: string, id: string) => analyseMini(text).byId.get(id)!;

describe('coverage', () => {
  it('marks an item missing when nothing mentions it', () => {
    const c = status('# Plan\n\nNothing relevant here.', 'duty-integration');
    assert.equal(c.status, 'missing');
    assert.deepEqual(c.evidence, []);
    assert.equal(c.elements.covered, 0);
    assert.equal(c.elements.missing.length, 3);
  });

  it('addresses an item from a section dense in specific terms', () => {
    const c = status(md('# Plan', '', '## Home first', '', 'The Better Care Fund pays for discharge to assess and integration with housing.'), 'duty-integration');
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.how, 'terms');
    assert.equal(c.evidence[0]!.heading, 'Home first');
    assert.equal(c.evidence[0]!.line, 2);
    assert.deepEqual([...c.evidence[0]!.terms].sort(), ['better care fund', 'discharge to assess', 'housing', 'integration']);
    assert.equal(c.elements.covered, 3);
  });

  it('makes an item partial from a passing or only generic mention', () => {
    assert.equal(status('# Plan\n\n## A\n\nWe will reach net zero.', 'duty-climate-change').status, 'partial');
    assert.equal(status('# Plan\n\n## A\n\nIntegration through partnership.', 'duty-integration').status, 'partial');
    assert.equal(status('# Plan\n\n## A\n\nIntegration matters.', 'duty-integration').status, 'missing');
  });

  it('does not add up scattered mentions across sections into an addressed item', () => {
    const c = status(md('# Plan', '## A', 'net zero', '## B', 'Green Plan', '## C', 'carbon'), 'duty-climate-change');
    assert.equal(c.status, 'partial');
    assert.equal(c.evidence.length, 3);
  });

  it('addresses an item from a matching heading, covering its subsections', () => {
    const c = status(md('# Plan', '', '## Climate change', '', '### Adapting', '', 'Heatwave plans.'), 'duty-climate-change');
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.how, 'heading');
    assert.equal(c.evidence[0]!.endLine, 6);
    assert.deepEqual(c.elements.missing, ['Green Plan']);
  });

  it('addresses an item from a jfp comment, whatever the heading says', () => {
    const c = status(md('# Plan', '', '## Home first', '', '<!-- jfp: duty-integration -->', '', 'Text.'), 'duty-integration');
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.how, 'tag');
  });

  it('does not map the title heading by its wording', () => {
    assert.equal(status('# Climate change plan\n\nText.', 'duty-climate-change').status, 'missing');
  });

  it('waives an item, keeping the reason', () => {
    const c = status('# Plan\n\n<!-- jfp-waive area-estates: in the estates strategy -->', 'area-estates');
    assert.equal(c.status, 'waived');
    assert.equal(c.waiver?.reason, 'in the estates strategy');
    assert.equal(c.waiver?.line, 2);
  });

  it('ignores terms in code, comments and link targets', () => {
    const text = md('# Plan', '## A', '`net zero` <!-- Green Plan carbon --> [x](https://carbon.example/net-zero)');
    assert.equal(status(text, 'duty-climate-change').status, 'missing');
  });

  it('does not count guidance framing items', () => {
    const plan = analyseMini('# Plan');
    assert.equal(plan.byId.get('frame-four-purposes')!.counted, false);
    assert.equal(plan.summary.total, 3);
  });

  it('aggregates coverage across the documents of one plan', () => {
    const index = indexCatalogue(miniCatalogue());
    const a = analyseDocument('file:///a.md', '# Plan\n\nIntro.', index);
    const b = analyseDocument('file:///b.md', '# Chapter\n\n## Climate change\n\nGreen Plan.', index);
    const plan = analysePlan([a, b], miniCatalogue());
    const c = plan.byId.get('duty-climate-change')!;
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.uri, 'file:///b.md');
    assert.equal(plan.primary, 'file:///a.md');
  });

  it('scores sections as documented', () => {
    const terms = indexCatalogue(miniCatalogue()).items.get('duty-integration')!;
    const s = (keys: string[]) => scoreSection(new Map(keys.map((k) => [k, 1])), terms).strength;
    assert.equal(s(['better care fund', 'bcf', 'housing']), 'strong');
    assert.equal(s(['better care fund', 'bcf']), 'strong');
    assert.equal(SCORING.strongMinSpecific, 2);
    assert.equal(s(['better care fund']), 'weak');
    assert.equal(s(['housing', 'partnership']), 'weak');
    assert.equal(s(['housing']), undefined);
  });

  it('computes the coverage percentage with partial items at half weight', () => {
    assert.equal(coveragePercent({ addressed: 2, partial: 1, missing: 1, waived: 0, total: 4 }), 63);
    assert.equal(coveragePercent({ addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 }), 100);
  });

  it('respects summary mode from front matter for items that only a full plan carries', () => {
    const catalogue = getDefaultCatalogue();
    const fullOnly = catalogue.items.filter((i) => isCounted(i) && i.modes !== undefined && !i.modes.includes('summary')).map((i) => i.id);
    assert.ok(fullOnly.length > 0, 'the catalogue has items only a full plan carries');
    const counted = (mode: string) => analyseText('file:///plan.md', `---\nplan: joint-forward-plan\nmode: ${mode}\n---\n# Plan`, catalogue).coverage.filter((c) => c.counted).map((c) => c.id);
    const summary = analyseText('file:///plan.md', '---\nplan: joint-forward-plan\nmode: summary\n---\n# Plan', catalogue);
    assert.equal(summary.mode, 'summary');
    assert.deepEqual(counted('summary'), counted('full').filter((id) => !fullOnly.includes(id)));
    assert.deepEqual(fullOnly.filter((id) => counted('full').includes(id)), fullOnly, 'a full plan counts them');
    assert.equal(summary.summary.total, counted('full').length - fullOnly.length);
  });
});
