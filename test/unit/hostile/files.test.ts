/**
 * Files on disk: folder scans do not follow symbolic links (a plan reached only through a
 * link is silently left out, so nothing outside the workspace is read that way), and the
 * one bounded read serves both the server (asynchronous) and the command line (synchronous).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planFileMatcher } from '../../../server/src/analysis/data/planFiles.js';
import { findPlanFiles, findPlanFilesSync } from '../../../server/src/host/findPlanFiles.js';
import { nodeFiles, nodeFilesSync } from '../../../server/src/host/nodeFiles.js';
import { NOT_REGULAR, RefusedRead, safeReadText, safeReadTextSync } from '../../../server/src/host/safeRead.js';
import { pathToUri } from '../../../server/src/host/uri.js';

const PLAN = '---\nplan: joint-forward-plan\n---\n\n# Plan\n';

describe('hostile: files on disk', function () {
  let root: string;
  let ws: string;
  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-hostile-links-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(root, 'outside'), { recursive: true });
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(root, 'outside', 'their-forward-plan.md'), PLAN);
    fs.writeFileSync(path.join(ws, 'our-forward-plan.md'), PLAN);
    fs.symlinkSync(path.join(root, 'outside', 'their-forward-plan.md'), path.join(ws, 'linked-forward-plan.md'));
    fs.symlinkSync(path.join(root, 'outside'), path.join(ws, 'jfp'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('folder scans skip symbolic links to files and folders', async () => {
    const expected = [pathToUri(path.join(ws, 'our-forward-plan.md'))];
    const isPlan = planFileMatcher(['**/*forward-plan*.md', '**/jfp/**/*.md']);
    assert.deepEqual(await findPlanFiles(nodeFiles, pathToUri(ws), isPlan), expected);
    assert.deepEqual(findPlanFilesSync(nodeFilesSync, pathToUri(ws), isPlan), expected);
    assert.equal((await nodeFiles.stat(pathToUri(path.join(ws, 'linked-forward-plan.md'))))?.type, 'other');
    assert.equal(await nodeFiles.realUri!(pathToUri(path.join(ws, 'jfp', 'their-forward-plan.md'))), pathToUri(fs.realpathSync(path.join(root, 'outside', 'their-forward-plan.md'))));
  });

  it('reads the same text, bounded the same way, synchronously and not', async () => {
    const file = path.join(ws, 'our-forward-plan.md');
    assert.equal(await safeReadText(file), PLAN);
    assert.equal(safeReadTextSync(file), PLAN);
    assert.equal(await safeReadText(file, 7), PLAN.slice(0, 7));
    assert.equal(safeReadTextSync(file, 7), PLAN.slice(0, 7));
    await assert.rejects(safeReadText(ws), (e) => e instanceof RefusedRead && e.code === NOT_REGULAR);
    assert.throws(() => safeReadTextSync(ws), (e) => e instanceof RefusedRead && e.code === NOT_REGULAR);
  });
});
