import * as assert from 'node:assert/strict';
import { DEFAULT_PLAN_GLOBS, fileNameNamesPlan, frontMatterDeclaresPlan, planFileMatcher, planPathMatcher } from '../../server/src/analysis/data/planFiles.js';

describe('planFiles', () => {
  const isPlan = planPathMatcher(DEFAULT_PLAN_GLOBS);

  it('matches the default plan globs', () => {
    assert.ok(isPlan('our-joint-forward-plan.md'));
    assert.ok(isPlan('docs/Joint_Forward_Plan_2026.md'));
    assert.ok(isPlan('jfp/chapter-1.md'));
    assert.ok(isPlan('plans\\jfp\\place.md'));
    assert.ok(!isPlan('README.md'));
    assert.ok(!isPlan('notes/forward-plan.txt'));
  });

  it('reads the front matter declaration cheaply', () => {
    assert.ok(frontMatterDeclaresPlan('---\ntitle: x\nplan: joint-forward-plan\n---\n# T'));
    assert.ok(frontMatterDeclaresPlan('---\r\nplan: "joint-forward-plan"\r\n---\r\n'));
    assert.ok(!frontMatterDeclaresPlan('# T\n\nplan: joint-forward-plan\n'));
    assert.ok(!frontMatterDeclaresPlan('---\ntitle: x\n---\nplan: joint-forward-plan\n'));
  });

  it('matches nothing with no globs', () => {
    assert.ok(!planPathMatcher([])('a-forward-plan.md'));
  });

  it('recognises every plan type: front matter, title and file name', () => {
    assert.ok(frontMatterDeclaresPlan('---\nplan: strategic-commissioning-plan\n---\n'));
    assert.ok(!frontMatterDeclaresPlan('---\nplan: business-plan\n---\n'));
    assert.ok(frontMatterDeclaresPlan('# Five-year strategic commissioning plan 2026/27 to 2030/31\n\nText'));
    assert.ok(frontMatterDeclaresPlan('---\ntitle: NHS Vale 5 Year Narrative Plan\n---\n'));
    assert.ok(!frontMatterDeclaresPlan('# Minutes of the board\n\nThe joint forward plan was agreed.'));
    assert.ok(fileNameNamesPlan('plans/strategic-commissioning-plan-2026.md'));
    assert.ok(fileNameNamesPlan('Population_Health_Improvement_Plan.markdown'));
    assert.ok(!fileNameNamesPlan('strategic-commissioning-plan.txt'));
    assert.ok(!fileNameNamesPlan('notes.md'));
    const matcher = planFileMatcher(DEFAULT_PLAN_GLOBS);
    assert.ok(matcher('docs/shared-delivery-plan.md') && matcher('jfp/chapter-1.md') && !matcher('README.md'));
    assert.ok(planFileMatcher([])('five-year-narrative-plan.md'), 'a file that names its type is a plan whatever the globs');
  });
});
