import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_PLAN_GLOBS, planPathMatcher } from '../../server/src/analysis/data/planFiles.js';
import { findPlanFiles, findPlanFilesAndOthersSync, findPlanFilesSync } from '../../server/src/host/findPlanFiles.js';
import { findConvertibleFiles } from '../../server/src/convert/files.js';
import { nodeFiles, nodeFilesSync } from '../../server/src/host/nodeFiles.js';
import { pathToUri } from '../../server/src/host/uri.js';
import { MemoryFiles } from '../memoryFiles.js';

const FILES: Record<string, string> = {
  'our-forward-plan.md': '# Plan',
  'jfp/chapter.md': '# Chapter',
  'any/name.md': '---\nplan: joint-forward-plan\n---\n# Declared',
  'notes.md': '# Notes',
  'node_modules/pkg/x-forward-plan.md': '# Not ours',
  '.hidden/y-forward-plan.md': '# Hidden',
  'z-forward-plan.txt': 'not Markdown',
  'word/our-forward-plan.docx': 'Word',
  'word/~$our-forward-plan.docx': 'a Word lock file',
  'node_modules/pkg/w-forward-plan.pdf': 'not ours',
};
const EXPECTED = ['any/name.md', 'jfp/chapter.md', 'our-forward-plan.md'];

describe('findPlanFiles', () => {
  let dir: string;
  let folder: string;
  const relative = (uris: string[]) => uris.map((u) => u.slice(folder.length + 1));

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-find-'));
    folder = pathToUri(dir);
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });

  after(() => fs.rmSync(dir, { recursive: true }));

  it('finds plans by path glob and by front matter, skipping dependencies and hidden folders', async () => {
    assert.deepEqual(relative(await findPlanFiles(nodeFiles, folder, planPathMatcher(DEFAULT_PLAN_GLOBS))), EXPECTED);
    const sync = findPlanFilesAndOthersSync(nodeFilesSync, folder, planPathMatcher(DEFAULT_PLAN_GLOBS));
    assert.deepEqual(findPlanFilesSync(nodeFilesSync, folder, planPathMatcher(DEFAULT_PLAN_GLOBS)), sync.found);
    assert.deepEqual(relative(sync.found), EXPECTED);
    // The other Markdown files looked at, which a main document's front matter may list.
    assert.deepEqual(relative(sync.others), ['notes.md']);
  });

  it('finds the same in any file system, e.g. a virtual one', async () => {
    const web = 'vscode-vfs://github/example/plans';
    const memory = new MemoryFiles(Object.fromEntries(Object.entries(FILES).map(([rel, text]) => [`${web}/${rel}`, text])));
    const found = await findPlanFiles(memory, web, planPathMatcher(DEFAULT_PLAN_GLOBS));
    assert.deepEqual(found, EXPECTED.map((rel) => `${web}/${rel}`));
    // Only the Markdown files whose name says nothing are opened, for their front matter.
    assert.deepEqual(memory.calls.filter((c) => c.startsWith('read')).sort(), [`read ${web}/any/name.md`, `read ${web}/notes.md`]);
  });

  it('stops after the entry limit', async () => {
    assert.ok((await findPlanFiles(nodeFiles, folder, planPathMatcher(DEFAULT_PLAN_GLOBS), 2)).length < 3);
    assert.ok(findPlanFilesSync(nodeFilesSync, folder, planPathMatcher(DEFAULT_PLAN_GLOBS), 2).length < 3);
  });

  it('returns nothing for a folder that does not exist', async () => {
    assert.deepEqual(await findPlanFiles(nodeFiles, pathToUri(path.join(dir, 'missing')), () => true), []);
  });

  it('finds Word and PDF plans with the same walk (convert/files.ts): by the plan globs with .md, skipping lock files, dependencies and hidden folders', () => {
    const isMatch = planPathMatcher(DEFAULT_PLAN_GLOBS);
    assert.deepEqual(
      findConvertibleFiles(dir, isMatch).map((f) => path.relative(dir, f).split(path.sep).join('/')),
      ['word/our-forward-plan.docx'],
    );
    assert.deepEqual(findConvertibleFiles(dir, isMatch, Infinity, false), []);
  });
});
