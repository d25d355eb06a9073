import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_PLAN_GLOBS, planPathMatcher } from '../../server/src/analysis/data/planFiles.js';
import { findPlanFiles } from '../../server/src/host/findPlanFiles.js';

describe('findPlanFiles', () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-find-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('our-forward-plan.md', '# Plan');
    write('jfp/chapter.md', '# Chapter');
    write('any/name.md', '---\nplan: joint-forward-plan\n---\n# Declared');
    write('notes.md', '# Notes');
    write('node_modules/pkg/x-forward-plan.md', '# Not ours');
    write('.hidden/y-forward-plan.md', '# Hidden');
    write('z-forward-plan.txt', 'not Markdown');
  });

  after(() => fs.rmSync(dir, { recursive: true }));

  it('finds plans by path glob and by front matter, skipping dependencies and hidden folders', () => {
    const found = findPlanFiles(dir, planPathMatcher(DEFAULT_PLAN_GLOBS)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    assert.deepEqual(found, ['any/name.md', 'jfp/chapter.md', 'our-forward-plan.md']);
  });

  it('stops after the entry limit', () => {
    assert.ok(findPlanFiles(dir, planPathMatcher(DEFAULT_PLAN_GLOBS), 2).length < 3);
  });

  it('returns nothing for a folder that does not exist', () => {
    assert.deepEqual(findPlanFiles(path.join(dir, 'missing'), () => true), []);
  });
});
