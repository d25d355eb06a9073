import * as assert from 'node:assert/strict';
import { DEFAULT_PLAN_GLOBS, frontMatterDeclaresPlan, planPathMatcher } from '../../server/src/analysis/data/planFiles.js';

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
});
