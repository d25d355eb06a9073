import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentPipeline, type PublishParams, type Scheduler } from '../../../server/src/lsp/pipeline.js';
import { NO_FILES } from '../../../server/src/host/files.js';
import { PlanWorkspace } from '../../../server/src/lsp/workspace.js';
import { md, miniCatalogue } from '../../helpers.js';

/** A clock that only moves when the test says so. */
class FakeClock implements Scheduler {
  private next = 1;
  readonly timers = new Map<number, { run: () => void; ms: number }>();
  set(run: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { run, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Runs every timer now. */
  fire(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const t of due) t.run();
  }
}

const PLAN = md('---', 'plan: joint-forward-plan', '---', '# Our plan', '', '## Integration', '', 'The Better Care Fund.');
const URI = 'untitled:plan.md';

function setup() {
  const clock = new FakeClock();
  const docs = new Map<string, TextDocument>();
  const workspace = new PlanWorkspace(miniCatalogue(), NO_FILES);
  const published: PublishParams[] = [];
  const coverage: string[] = [];
  let waiting: (() => void) | undefined;
  const logged: string[] = [];
  const pipeline = new DocumentPipeline({
    log: (m) => logged.push(m),
    documents: { get: (uri) => docs.get(uri), all: () => [...docs.values()] },
    workspace,
    publish: (p) => {
      published.push(p);
      waiting?.();
    },
    coverageChanged: (uri) => coverage.push(uri),
    scheduler: clock,
  });
  const open = (text: string, uri = URI) => docs.set(uri, TextDocument.create(uri, 'markdown', 1, text)).get(uri)!;
  const edit = (text: string, uri = URI) => {
    const doc = docs.get(uri)!;
    TextDocument.update(doc, [{ text }], doc.version + 1);
    pipeline.schedule(uri);
  };
  const nextPublish = () => new Promise<void>((resolve) => (waiting = resolve));
  return { clock, docs, workspace, published, coverage, pipeline, open, edit, nextPublish, logged };
}

describe('lsp/pipeline', () => {
  it('publishes the diagnostics of an opened plan document, with its version', async () => {
    const t = setup();
    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    assert.equal(t.published.length, 1);
    assert.equal(t.published[0]!.uri, URI);
    assert.equal(t.published[0]!.version, 1);
    assert.ok(t.published[0]!.diagnostics.some((d) => d.code === 'jfp.plan.summary'));
    assert.deepEqual(t.coverage, [URI]);
  });

  it('debounces edits: one analysis after the pause, of the latest version', async () => {
    const t = setup();
    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    t.edit(PLAN + '\n\nMore.');
    t.edit(PLAN + '\n\nMore text.');
    assert.equal(t.clock.timers.size, 1);
    assert.equal([...t.clock.timers.values()][0]!.ms, 150);
    assert.equal(t.published.length, 1, 'nothing published before the pause');
    const published = t.nextPublish();
    t.clock.fire();
    await published;
    assert.equal(t.published.length, 2);
    assert.equal(t.published[1]!.version, 3);
    assert.equal(t.workspace.version(URI), 3);
  });

  it('runs a pending analysis at once when a request needs the document', async () => {
    const t = setup();
    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    t.edit(PLAN.replace('Better Care Fund', 'BCF'));
    assert.ok(t.pipeline.pending(URI));
    const doc = await t.pipeline.current(URI);
    assert.equal(doc?.version, 2);
    assert.equal(t.pipeline.pending(URI), false);
    assert.equal(t.clock.timers.size, 0);
    assert.equal(t.published.at(-1)!.version, 2);
    assert.equal(t.workspace.version(URI), 2);
  });

  it('stays quiet for a document that is not a plan, and clears a document that leaves its plan', async () => {
    const t = setup();
    t.open('# Notes\n\nNothing here.', 'untitled:notes.md');
    await t.pipeline.analyseAndPublish('untitled:notes.md');
    assert.deepEqual(t.published, []);

    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    t.edit('# No longer a plan');
    await t.pipeline.current(URI);
    assert.deepEqual(t.published.at(-1), { uri: URI, version: 2, diagnostics: [] });
  });

  it('checks the size once per version, and shows one diagnostic instead of an analysis', async () => {
    const t = setup();
    t.workspace.setSettings({ analysis: { debounceMs: 150, maxFileSizeMB: 0.001 } });
    // A plan by its name (the text is not read, so its front matter cannot say so).
    const big = 'file:///plans/big-forward-plan.md';
    t.open(PLAN + '\n\n' + 'x'.repeat(2000), big);
    let updates = 0;
    // Every analysis of a version goes through updateSteps (update() runs it straight through).
    const updateSteps = t.workspace.updateSteps.bind(t.workspace);
    t.workspace.updateSteps = (...args) => (updates++, updateSteps(...args));
    await t.pipeline.analyseAndPublish(big);
    await t.pipeline.current(big);
    await t.pipeline.publishFor(big);
    assert.equal(updates, 1);
    assert.equal(t.published.length, 2);
    assert.deepEqual(t.published.at(-1)!.diagnostics.map((d) => d.code), ['jfp.file.too-large']);
  });

  it('on close, cancels the pending analysis and clears the diagnostics', async () => {
    const t = setup();
    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    t.edit(PLAN + '\n');
    t.docs.delete(URI);
    await t.pipeline.closed(URI);
    assert.equal(t.clock.timers.size, 0);
    assert.deepEqual(t.published.at(-1), { uri: URI, diagnostics: [] });
    assert.equal(t.workspace.version(URI), undefined);
  });

  it('dispose stops every pending analysis', async () => {
    const t = setup();
    t.open(PLAN);
    t.open(PLAN, 'untitled:other.md');
    t.edit(PLAN + '\n');
    t.edit(PLAN + '\n', 'untitled:other.md');
    assert.equal(t.clock.timers.size, 2);
    t.pipeline.dispose();
    assert.equal(t.clock.timers.size, 0);
    assert.equal(t.pipeline.pending(URI), false);
  });

  it('an exception on the timer path becomes one jfp.internal diagnostic and a logged stack', async () => {
    const t = setup();
    t.open(PLAN);
    await t.pipeline.analyseAndPublish(URI);
    t.workspace.updateSteps = () => {
      throw new Error('boom');
    };
    t.edit(PLAN + '\n');
    const published = t.nextPublish();
    t.clock.fire();
    await published;
    assert.deepEqual(t.published.at(-1)!.diagnostics.map((d) => [d.code, d.severity]), [['jfp.internal', 3]]);
    assert.equal(t.published.at(-1)!.version, 2);
    assert.match(t.logged[0]!, /boom\n\s+at /);
  });
});
