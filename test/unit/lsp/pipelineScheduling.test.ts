import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog } from '../../../server/src/lsp/editLog.js';
import { DocumentPipeline, STAGED_FIRST_PUBLISH_CHARS, type PublishParams, type Scheduler } from '../../../server/src/lsp/pipeline.js';
import { NO_FILES } from '../../../server/src/host/files.js';
import { PlanWorkspace } from '../../../server/src/lsp/workspace.js';
import { md, miniCatalogue } from '../../helpers.js';

/**
 * A clock that only moves when the test says so, and whose turns between analysis stages
 * (Scheduler.yield) are held until the test releases them: so a test can act while an
 * analysis is under way, at a point it chooses, without timing anything.
 */
class SteppedClock implements Scheduler {
  private next = 1;
  readonly timers = new Map<number, () => void>();
  private held: (() => void)[] = [];
  private arrived: (() => void) | undefined;
  set(run: () => void): number {
    const id = this.next++;
    this.timers.set(id, run);
    return id;
  }
  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  yield(): Promise<void> {
    return new Promise((resolve) => {
      this.held.push(resolve);
      this.arrived?.();
    });
  }
  fire(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const run of due) run();
  }
  /** Resolves once an analysis waits at a turn. */
  waiting(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => (this.arrived = resolve));
  }
  /** Lets every held analysis go on to its next turn. */
  release(): void {
    const held = this.held;
    this.held = [];
    this.arrived = undefined;
    for (const resolve of held) resolve();
  }
  /** Releases turns until `done` settles. */
  async runUntil(done: Promise<unknown>): Promise<void> {
    let settled = false;
    void done.finally(() => (settled = true));
    while (!settled) {
      await Promise.race([this.waiting(), done]);
      this.release();
    }
  }
}

const PLAN = md('---', 'plan: joint-forward-plan', '---', '# Our plan', '', '## Integration', '', 'The Better Care Fund and the BCF.', '');
const URI = 'untitled:plan.md';
/** Where the title starts: text typed there keeps the front matter intact. */
const AT = PLAN.indexOf('# Our plan');

function setup(sliceMs?: number) {
  const clock = new SteppedClock();
  const docs = new Map<string, TextDocument>();
  const workspace = new PlanWorkspace(miniCatalogue(), NO_FILES);
  const edits = new EditLog();
  const published: PublishParams[] = [];
  const analysed: number[] = [];
  const updateSteps = workspace.updateSteps.bind(workspace);
  workspace.updateSteps = (uri, version, text) => (analysed.push(version), updateSteps(uri, version, text));
  const pipeline = new DocumentPipeline({ documents: { get: (uri) => docs.get(uri), all: () => [...docs.values()] }, workspace, publish: (p) => published.push(p), coverageChanged: () => undefined, scheduler: clock, edits, ...(sliceMs !== undefined ? { sliceMs } : {}) });
  const open = (text: string, uri = URI) => {
    edits.opened(uri, 1);
    return docs.set(uri, TextDocument.create(uri, 'markdown', 1, text)).get(uri)!;
  };
  /** Inserts text at an offset, as an editor's incremental change, and tells the pipeline. */
  const type = (offset: number, text: string, uri = URI) => {
    const doc = docs.get(uri)!;
    edits.apply(doc, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset) }, text }], doc.version + 1);
    pipeline.schedule(uri);
    return doc.version;
  };
  return { clock, docs, workspace, published, analysed, pipeline, open, type };
}

describe('lsp/pipeline scheduling: requests never wait for an analysis under way', () => {
  it('answers from the last completed analysis, mapped through the edits since, while the next one is under way', async () => {
    const t = setup();
    t.open(PLAN);
    await t.clock.runUntil(t.pipeline.analyseAndPublish(URI));
    t.type(AT, 'Typed words.\n\n');
    t.clock.fire();
    await t.clock.waiting(); // the analysis of version 2 has started, and is held
    const view = await t.pipeline.view(URI);
    assert.ok(view, 'answered without releasing the analysis');
    assert.deepEqual(t.published.map((p) => p.version), [1], 'version 2 is not published yet');
    assert.equal(view.text.version, 2);
    const heading = { line: 7, character: 4 }; // "## Integration", two lines lower than when analysed
    assert.deepEqual(view.map.back(heading), { line: 5, character: 4 });
    assert.deepEqual(view.map.forward({ start: { line: 5, character: 0 }, end: { line: 5, character: 14 } }), { start: { line: 7, character: 0 }, end: { line: 7, character: 14 } });
    assert.equal(view.map.back({ line: 3, character: 3 }), undefined, 'inside the typed text');
    await t.clock.runUntil(t.pipeline.current(URI));
    assert.deepEqual(t.published.map((p) => p.version), [1, 2]);
    assert.ok((await t.pipeline.view(URI))?.map.identity, 'once analysed, the view is the current text');
  });

  it('an edit stops the analysis under way: nothing is published for the superseded version', async () => {
    const t = setup();
    t.open(PLAN);
    await t.clock.runUntil(t.pipeline.analyseAndPublish(URI));
    t.type(AT, 'a');
    t.clock.fire();
    await t.clock.waiting();
    t.type(AT, 'b'); // version 3 while version 2 is under way
    t.clock.release();
    t.clock.fire();
    await t.clock.runUntil(t.pipeline.current(URI));
    assert.deepEqual(t.published.map((p) => p.version), [1, 3]);
    assert.deepEqual(t.analysed, [1, 2, 3]);
  });

  it('never starts analysing a version whose successor is waiting, even one queued behind another document', async () => {
    const t = setup();
    const other = 'untitled:other.md';
    t.open(PLAN);
    t.open(PLAN, other);
    const first = t.pipeline.analyseAndPublish(URI);
    await t.clock.waiting(); // the first document's analysis holds the queue
    t.type(AT, 'a', other);
    t.clock.fire(); // version 2 of the other document is queued behind it
    t.type(AT, 'b', other); // and superseded before it starts
    await t.clock.runUntil(first);
    t.clock.fire();
    await t.clock.runUntil(t.pipeline.current(other));
    assert.deepEqual(t.analysed, [1, 3], 'version 2 of the other document is never analysed');
    assert.deepEqual(t.published.filter((p) => p.uri === other).map((p) => p.version), [3]);
  });

  it('while the next version is parsed chunk by chunk, requests read the last analysis and its tree, unmoved; an edit stops the parse', async () => {
    const t = setup(0); // a turn for requests after every step
    let long = PLAN;
    for (let i = 0; i < 30; i++) long += `## Part ${i}\n\nText about the BCF in part ${i}.\n\n`;
    t.open(long);
    await t.clock.runUntil(t.pipeline.analyseAndPublish(URI));
    const tree = (await t.pipeline.view(URI, true))!.doc.plan.root;
    const last = () => tree.children.at(-1)!.position!.start.offset ?? -1;
    const before = last();
    assert.equal(long.slice(before, before + 4), 'Text');
    t.type(AT, 'Typed.\n\n'); // moves every later chunk
    t.clock.fire();
    await t.clock.waiting(); // the analysis of version 2 waits after parsing the edited chunk
    assert.equal(t.workspace.version(URI), 1, 'version 2 is not recorded before its last step');
    const view = await t.pipeline.view(URI, true);
    assert.equal(view?.doc.plan.text, long, 'a request that reads the tree is answered from version 1');
    assert.equal(last(), before, 'whose tree has not moved');
    t.type(AT, 'x'); // version 3 while version 2 is parsed
    t.clock.release();
    t.clock.fire();
    await t.clock.runUntil(t.pipeline.current(URI));
    assert.deepEqual(t.published.map((p) => p.version), [1, 3]);
    assert.equal(t.workspace.version(URI), 3);
    const now = (await t.pipeline.view(URI, true))!.doc.plan;
    const end = now.root.children.at(-1)!.position!.start.offset ?? -1;
    assert.equal(now.text.slice(end, end + 4), 'Text', 'the tree of version 3 is where its text is');
  });

  it('once the next version is parsed (the tree moved), a request that reads the tree waits for it; the others do not', async () => {
    const t = setup(0);
    let long = PLAN;
    for (let i = 0; i < 30; i++) long += `## Part ${i}\n\nText about the BCF in part ${i}.\n\n`;
    t.open(long);
    await t.clock.runUntil(t.pipeline.analyseAndPublish(URI));
    t.type(AT, 'Typed.\n\n');
    t.clock.fire();
    await t.clock.waiting(); // after the edited chunk's parse
    assert.equal(t.workspace.treeMoved(URI), false);
    t.clock.release();
    await t.clock.waiting(); // after the parse has finished: the tree of version 1 has moved
    assert.equal(t.workspace.treeMoved(URI), true);
    assert.equal(t.workspace.version(URI), 1);
    assert.equal((await t.pipeline.view(URI))?.doc.plan.text, long, 'a request that does not read the tree is answered from version 1');
    const withTree = t.pipeline.view(URI, true);
    await t.clock.runUntil(withTree);
    const plan = (await withTree)!.doc.plan;
    assert.equal(plan.text, t.docs.get(URI)!.getText(), 'one that does waits for version 2');
    const end = plan.root.children.at(-1)!.position!.start.offset ?? -1;
    assert.equal(plan.text.slice(end, end + 4), 'Text');
    assert.equal(t.workspace.treeMoved(URI), false);
  });

  it('a request waits only when there is no completed analysis yet (a document just opened)', async () => {
    const t = setup();
    t.open(PLAN);
    const view = t.pipeline.view(URI);
    await t.clock.runUntil(view);
    assert.equal((await view)?.doc.plan.text, PLAN);
    assert.deepEqual(t.published.map((p) => p.version), [1]);
  });

  it('a long plan just opened publishes coverage and statutory findings first, then every finding', async () => {
    const t = setup();
    const sentence = 'We will work with partners on the BCF and on the long list of things that every partner in the system agrees to do together over the coming years and the years after those without any pause at all. ';
    let long = PLAN;
    for (let i = 0; long.length < STAGED_FIRST_PUBLISH_CHARS; i++) long += `## Section ${i}\n\n${sentence.repeat(6)}\n\n`;
    t.open(long);
    await t.clock.runUntil(t.pipeline.analyseAndPublish(URI));
    assert.deepEqual(t.published.map((p) => p.version), [1, 1]);
    const codes = t.published.map((p) => new Set(p.diagnostics.map((d) => String(d.code))));
    assert.ok(![...codes[0]!].some((c) => /^jfp\.(style|acronym|term|process)\./.test(c)), `first: ${[...codes[0]!].join(', ')}`);
    assert.ok(codes[0]!.has('jfp.plan.summary'), 'the first result has the coverage summary');
    assert.ok(codes[1]!.has('jfp.style.sentence-length'), `then: ${[...codes[1]!].join(', ')}`);
    // An edit is published once: only opening is staged.
    t.type(AT, 'x');
    t.clock.fire();
    await t.clock.runUntil(t.pipeline.current(URI));
    assert.deepEqual(t.published.map((p) => p.version), [1, 1, 2]);
  });
});
