import * as assert from 'node:assert/strict';
import { analysePlan, analyseText } from '../../server/src/analysis/analyse.js';
import { getDefaultCatalogue, isCounted } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { coveragePercent, evidenceScore, mentions, SCORING } from '../../server/src/analysis/coverage.js';
import { partEvidence } from '../../server/src/analysis/itemEvidence.js';
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

  it('addresses an item from a section that discusses it', () => {
    const c = status(
      md('# Plan', '', '## Home first', '', 'The Better Care Fund pays for discharge to assess, so that people leave hospital as soon as they are well. Integration with housing services helps people home and keeps them there. We join up health and social care teams in every neighbourhood. The partnership board checks the integration of these services each quarter.'),
      'duty-integration',
    );
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.how, 'terms');
    assert.equal(c.evidence[0]!.heading, 'Home first');
    assert.equal(c.evidence[0]!.line, 2);
    assert.equal(c.evidence[0]!.quote, 'The Better Care Fund pays for discharge to assess, so that people leave hospital as soon as they are well.');
    assert.equal(c.elements.covered, 3);
  });

  it('makes an item partial from a passing mention: one topic word, term or clause', () => {
    assert.equal(status('# Plan\n\n## A\n\nWe will reach net zero.', 'duty-climate-change').status, 'partial');
    assert.equal(status('# Plan\n\n## A\n\n- Integration matters', 'duty-integration').status, 'partial');
    assert.equal(status('# Plan\n\n## A\n\nHousing and partnership.', 'duty-integration').status, 'partial');
    assert.equal(status('# Plan\n\n## A\n\nHousing matters.', 'duty-integration').status, 'missing');
  });

  it('finds inflected and derived forms of a term', () => {
    for (const text of ['We are integrating services.', 'Services will be integrated.', 'Care is joined up.', 'We are joining up care.']) {
      assert.equal(status(`# Plan\n\n## A\n\n${text}`, 'duty-integration').status, 'partial', text);
    }
  });

  it('does not count a term used in another sense', () => {
    assert.equal(status('# Plan\n\n## A\n\nThe integrated care board meets monthly.', 'duty-integration').status, 'missing');
    assert.equal(status('# Plan\n\n## A\n\nIn the current financial climate we must be careful.', 'duty-climate-change').status, 'missing');
  });

  it('quotes the sentence or list item that is the evidence', () => {
    const c = status(md('# Plan', '', '## Our aims', '', '- Better homes', '- Reach **net zero** by 2040', '- More nurses'), 'duty-climate-change');
    assert.equal(c.evidence[0]!.quote, 'Reach net zero by 2040');
  });

  it('does not add up scattered mentions across sections into an addressed item', () => {
    const c = status(md('# Plan', '## A', 'net zero', '## B', 'Green Plan', '## C', 'carbon'), 'duty-climate-change');
    assert.equal(c.status, 'partial');
    assert.equal(c.evidence.length, 3);
  });

  it('scores a chapter split between its own paragraph and its subsections as a whole', () => {
    const text = md(
      '# Plan',
      '## Greener services',
      'We will reach net zero for the emissions we control by 2040, and sooner where we can.',
      '### Travel',
      'Fewer journeys to clinics cut the carbon from travel. Our Green Plan sets yearly targets for each trust and reports on them.',
      '### Heat',
      'A heatwave plan protects patients and staff; adaptation work on our oldest wards starts in 2026.',
      'Climate risks are on every trust risk register.',
    );
    assert.equal(status(text, 'duty-climate-change').status, 'addressed');
    assert.equal(status(text, 'duty-climate-change').evidence[0]!.heading, 'Greener services');
  });

  it('addresses an item from a matching heading when the section says enough about it', () => {
    const text = md('# Plan', '', '## Climate change', '', 'Our Green Plan sets a path to net zero.', '', '### Adapting', '', 'A heatwave plan for every site protects patients and staff in hot weather.');
    const c = status(text, 'duty-climate-change');
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.how, 'heading');
    assert.equal(c.evidence[0]!.endLine, 8);
    assert.deepEqual(c.elements.missing, []);
  });

  it('says "section started" and not covered for a heading or comment with no content', () => {
    for (const body of ['', '<!-- To do: write this -->', 'TBC', '- [ ] Green Plan\n- [ ] Adaptation:', 'We will do more.']) {
      const c = status(md('# Plan', '', '## Climate change', '', '<!-- jfp: duty-climate-change -->', '', body), 'duty-climate-change');
      assert.equal(c.status, 'missing', JSON.stringify(body));
      assert.equal(c.started, true);
      assert.equal(c.evidence[0]!.heading, 'Climate change');
    }
  });

  it('makes a mapped section partial with some evidence, addressed with substance', () => {
    const head = ['# Plan', '', '## Home first', '', '<!-- jfp: duty-integration -->', ''];
    assert.equal(status(md(...head, 'We will join up services.'), 'duty-integration').status, 'partial');
    assert.equal(status(md(...head, 'The Better Care Fund pays for discharge to assess.'), 'duty-integration').status, 'addressed');
  });

  it('shows a waiver of a statutory duty as not met: the status stays what the text shows', () => {
    const c = status('# Plan\n\n<!-- jfp-waive duty-climate-change: in the green plan -->', 'duty-climate-change');
    assert.equal(c.status, 'missing');
    assert.equal(c.waiver?.notMet, true);
    assert.equal(c.waiver?.reason, 'in the green plan');
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
    const b = analyseDocument('file:///b.md', '# Chapter\n\n## Climate change\n\nOur Green Plan sets out our heatwave adaptation.', index);
    const plan = analysePlan([a, b], miniCatalogue());
    const c = plan.byId.get('duty-climate-change')!;
    assert.equal(c.status, 'addressed');
    assert.equal(c.evidence[0]!.uri, 'file:///b.md');
    assert.equal(plan.primary, 'file:///a.md');
  });

  it('scores evidence as documented', () => {
    const terms = indexCatalogue(miniCatalogue()).items.get('duty-integration')!;
    const doc = analyseDocument('file:///a.md', '# Plan\n\n## A\n\nThe Better Care Fund and BCF, with housing and integration.', indexCatalogue(miniCatalogue()));
    const e = partEvidence(doc, [doc.plan.sections[2]!], terms);
    assert.deepEqual([...e.specific].sort(), ['bcf', 'better care fund']);
    assert.deepEqual([...e.topic], ['integr']);
    assert.equal(e.sentencesWith, 1);
    assert.ok(mentions(e));
    // 2 per specific term, 1 per topic and generic term, 1 per key element.
    assert.equal(evidenceScore(e), SCORING.specificWeight * 2 + 1 + 2 + 2);
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
