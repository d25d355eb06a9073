import * as assert from 'node:assert/strict';
import { headingSlugs, slug } from '../../server/src/analysis/model/slug.js';

describe('slug (GitHub and VS Code heading anchors)', () => {
  it('lower-cases, drops punctuation and turns spaces into hyphens', () => {
    assert.equal(slug('Joining up care'), 'joining-up-care');
    assert.equal(slug('Duty to promote integration (s.14Z42)'), 'duty-to-promote-integration-s14z42');
    assert.equal(slug('Health & wellbeing: our plan'), 'health--wellbeing-our-plan');
    assert.equal(slug('Children’s services — 2026/27'), 'childrens-services--202627');
    assert.equal(slug('Ymgynghori â’r cyhoedd'), 'ymgynghori-âr-cyhoedd');
    assert.equal(slug('snake_case stays'), 'snake_case-stays');
    assert.equal(slug('Our plan 😀 in brief'), 'our-plan--in-brief');
    assert.equal(slug('日本語 見出し'), '日本語-見出し');
  });

  it('numbers repeated headings in order like GitHub', () => {
    assert.deepEqual(headingSlugs(['Risks', 'Risks', 'Risks-1', 'Risks']), ['risks', 'risks-1', 'risks-1-1', 'risks-2']);
  });
});
