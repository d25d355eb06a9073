import * as assert from 'node:assert/strict';
import { PlanWorkspace } from '../../../server/src/lsp/workspace.js';
import { md, miniCatalogue } from '../../helpers.js';
import { MemoryFiles } from '../../memoryFiles.js';
import { finish as finishSteps } from '../../../server/src/analysis/steps.js';

const FOLDER = 'vscode-vfs://github/example/plans';
const MAIN = `${FOLDER}/our-forward-plan.md`;
const CHAPTER = `${FOLDER}/jfp/integration.md`;
const NOTES = `${FOLDER}/notes.md`;

const MAIN_TEXT = md('---', 'plan: joint-forward-plan', '---', '# Our plan', '', 'Introduction.');
const CHAPTER_TEXT = md('## Integration', '', 'Our Better Care Fund and discharge to assess.');

const statusOf = (plan: Awaited<ReturnType<PlanWorkspace['planFor']>>, id: string) => plan?.byId.get(id)?.status;

function setup(files: Record<string, string> = { [CHAPTER]: CHAPTER_TEXT }) {
  const memory = new MemoryFiles(files);
  const workspace = new PlanWorkspace(miniCatalogue(), memory);
  workspace.setFolders([FOLDER]);
  return { memory, workspace };
}

describe('lsp/workspace', () => {
  it('makes one plan of the open document and the folder\'s other plan files', async () => {
    const { workspace } = setup();
    workspace.update(MAIN, 1, MAIN_TEXT);
    const plan = await workspace.planFor(MAIN);
    assert.deepEqual(plan?.documents.map((d) => d.uri).sort(), [CHAPTER, MAIN].sort());
    assert.equal(statusOf(plan, 'duty-integration'), 'addressed');
  });

  it('decides what is a plan by front matter or by the folder-relative path', () => {
    const { workspace } = setup();
    workspace.update(NOTES, 1, '# Notes');
    workspace.update(CHAPTER, 1, CHAPTER_TEXT);
    workspace.update(`${FOLDER}/other.md`, 1, MAIN_TEXT);
    assert.equal(workspace.isPlan(NOTES), false);
    assert.equal(workspace.isPlan(CHAPTER), true);
    assert.equal(workspace.isPlan(`${FOLDER}/other.md`), true);
  });

  it('reads a folder once: later plans reuse what was read, until a file changes', async () => {
    const { memory, workspace } = setup();
    workspace.setWatching(true);
    workspace.update(MAIN, 1, MAIN_TEXT);
    await workspace.planFor(MAIN);
    const reads = memory.calls.length;
    workspace.update(MAIN, 2, MAIN_TEXT + '\n\nMore.');
    await workspace.planFor(MAIN);
    assert.equal(memory.calls.length, reads, 'no file read or listed again');

    memory.write(CHAPTER, '## Other matters\n\nNothing yet.');
    workspace.fileChanged(CHAPTER);
    const plan = await workspace.planFor(MAIN);
    assert.ok(memory.calls.includes(`read ${CHAPTER}`));
    assert.notEqual(statusOf(plan, 'duty-integration'), 'addressed');
  });

  it('without file events, notices a changed file by its stat', async () => {
    const { memory, workspace } = setup();
    workspace.update(MAIN, 1, MAIN_TEXT);
    assert.equal(statusOf(await workspace.planFor(MAIN), 'duty-integration'), 'addressed');
    memory.write(CHAPTER, '## Other matters\n\nNothing yet.');
    workspace.update(MAIN, 2, MAIN_TEXT + '\n');
    assert.notEqual(statusOf(await workspace.planFor(MAIN), 'duty-integration'), 'addressed');
  });

  it('leaves out a file on disk above the size limit, or binary', async () => {
    const { workspace } = setup({ [CHAPTER]: CHAPTER_TEXT + '\0' });
    workspace.update(MAIN, 1, MAIN_TEXT);
    assert.deepEqual((await workspace.planFor(MAIN))?.documents.map((d) => d.uri), [MAIN]);
  });

  it('uses the open text of a document over the file on disk', async () => {
    const { memory, workspace } = setup();
    workspace.update(MAIN, 1, MAIN_TEXT);
    workspace.update(CHAPTER, 1, '## Other matters\n\nNothing yet.');
    const plan = await workspace.planFor(MAIN);
    assert.equal(plan?.documents.length, 2);
    assert.notEqual(statusOf(plan, 'duty-integration'), 'addressed');
    assert.ok(!memory.calls.includes(`read ${CHAPTER}`));
    assert.deepEqual(workspace.planMates(MAIN).sort(), [CHAPTER, MAIN].sort());
  });

  it('knows the extra catalogues a folder\'s configuration names', () => {
    const { workspace } = setup();
    workspace.setProjectConfig(FOLDER, { catalogues: [{ path: 'local/extra.json' }] });
    assert.equal(workspace.isCatalogueFile(`${FOLDER}/local/extra.json`), true);
    assert.equal(workspace.isCatalogueFile(`${FOLDER}/other.json`), false);
  });

  it('a document outside every folder is a plan of its own', async () => {
    const { workspace } = setup();
    workspace.update('untitled:Untitled-1', 1, MAIN_TEXT);
    assert.deepEqual((await workspace.planFor('untitled:Untitled-1'))?.documents.map((d) => d.uri), ['untitled:Untitled-1']);
  });
  it('records a version in steps only at the last one; closed or updated between steps, it does not bring back an older state', () => {
    const { workspace } = setup();
    const text = (n: number) => MAIN_TEXT + '\n## Integration\n\nOur Better Care Fund.\n'.repeat(n);
    workspace.update(MAIN, 1, text(1));
    const unfinished = workspace.updateSteps(MAIN, 2, text(2));
    unfinished.next();
    assert.equal(workspace.version(MAIN), 1, 'steps left unfinished record nothing');
    // Updated straight through meanwhile: the paused steps, finished, give their own version's analysis.
    const paused = workspace.updateSteps(MAIN, 3, text(3));
    paused.next();
    workspace.update(MAIN, 4, text(4));
    assert.equal(finishSteps(paused), false, 'an older version than the one recorded is refused');
    assert.equal(workspace.version(MAIN), 4);
    const again = workspace.updateSteps(MAIN, 5, text(5));
    again.next();
    workspace.update(MAIN, 5, text(5) + 'More.\n');
    assert.equal(finishSteps(again), true);
    assert.equal(workspace.document(MAIN)?.plan.text, text(5), 'the version finished last is the one held, parsed in full');
    // Closed between steps: it stays closed.
    const closing = workspace.updateSteps(MAIN, 6, text(6));
    closing.next();
    workspace.close(MAIN);
    assert.equal(finishSteps(closing), false);
    assert.equal(workspace.version(MAIN), undefined);
  });
});
