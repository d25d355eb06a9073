import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateApi,
  coverageOf,
  draftUri,
  revert,
  revertAllAndClose,
  waitFor,
  type JfpApi,
} from './helpers.js';

const GUIDANCE_SCHEME = 'jfp-guidance';

describe('Commands', () => {
  let api: JfpApi;

  before(async () => {
    api = await activateApi();
  });

  after(async () => {
    await revertAllAndClose();
  });

  it('jfp.refresh resolves after the tree is rebuilt', async () => {
    await coverageOf(api, draftUri());
    const refreshed = waitFor(api.coverageTree.onDidRefresh, (r) => r, 'a refresh of the coverage tree');
    await vscode.commands.executeCommand('jfp.refresh');
    const result = await refreshed;
    assert.equal(result.isPlan, true);
  });

  it('jfp.insertMissingSections inserts a section for every missing item (then the draft is reverted)', async () => {
    const coverage = await coverageOf(api, draftUri());
    const missing = coverage.items.filter((i) => i.counted && i.status === 'missing').map((i) => i.id);
    assert.ok(missing.includes('duty-research'), `duty-research is missing (missing: ${missing.join(', ')})`);
    const doc = await vscode.workspace.openTextDocument(draftUri());
    const original = doc.getText();
    try {
      await vscode.commands.executeCommand('jfp.insertMissingSections');
      // The command reports failures in a message rather than rejecting, so check what it did.
      assert.ok(doc.isDirty, 'the draft was edited');
      for (const id of missing) assert.ok(doc.getText().includes(`<!-- jfp: ${id} -->`), `a section tagged ${id}`);
      assert.ok(doc.getText().startsWith(original.trimEnd().split('\n').slice(0, 10).join('\n')));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), draftUri().toString(), 'the draft is shown');
      assert.match(editor.document.lineAt(editor.selection.start.line).text, /^#{1,6} /, 'the first inserted heading is selected');
      // Honest verdicts: the inserted sections are started, and stay uncovered until they have text.
      const started = await coverageOf(api, draftUri());
      assert.equal(started.items.find((i) => i.id === 'duty-research')?.started, true, 'duty-research: section started, no content yet');
      // No item is addressed by what the draft now says (a heading alone); the plan's other files may still cover
      // items the first result, taken before the folder was read, had as missing.
      for (const id of missing) {
        const item = started.items.find((i) => i.id === id)!;
        const fromDraft = item.evidence.filter((e) => e.file.endsWith('draft-forward-plan.md'));
        assert.ok(item.status !== 'addressed' || fromDraft.length < item.evidence.length, `${id} is not addressed by a heading alone: ${JSON.stringify(item.evidence)}`);
      }
    } finally {
      await revert(draftUri());
    }
    assert.equal(doc.getText(), original);
    const reverted = await coverageOf(api, draftUri());
    assert.deepEqual([reverted.items.find((i) => i.id === 'duty-research')?.status, reverted.items.find((i) => i.id === 'duty-research')?.started], ['missing', undefined], 'duty-research missing, and no longer started, after the revert');
  });

  it('jfp.showGuidance opens the guidance of an item', async () => {
    await coverageOf(api, draftUri());
    const isGuidance = (d: vscode.TextDocument) => d.uri.scheme === GUIDANCE_SCHEME && d.uri.path === '/duty-research.md';
    const opened = waitFor(
      vscode.workspace.onDidOpenTextDocument,
      (d) => (d && isGuidance(d) ? d : vscode.workspace.textDocuments.find(isGuidance)),
      'a jfp-guidance: document for duty-research',
      undefined,
      true,
    );
    await vscode.commands.executeCommand('jfp.showGuidance', 'duty-research', draftUri().toString());
    const guidance = await opened;
    assert.match(guidance.getText(), /Duty in respect of research/);
    assert.match(guidance.getText(), /14Z40/);
    // Shown as a Markdown preview (or, failing that, a read-only editor).
    const tabs = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const found = vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .filter((t) => /duty-research/.test(t.label) || (t.input instanceof vscode.TabInputText && isGuidance({ uri: t.input.uri } as vscode.TextDocument)));
        return found.length > 0 ? found : undefined;
      },
      'a tab showing the guidance',
      undefined,
      true,
    );
    assert.ok(tabs.length > 0);
  });

  it('jfp.newPlan asks for the plan type, the ICB and the period, and opens a plan with a started section for every statutory item', async () => {
    // The type pick and the two input boxes are answered by stand-ins, restored afterwards.
    const window = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox; showQuickPick: (items: readonly { id: string }[]) => Promise<unknown> };
    const original = window.showInputBox;
    const originalPick = window.showQuickPick;
    const offered: string[] = [];
    window.showQuickPick = (items: readonly { id: string }[]) => {
      offered.push(...items.map((i) => i.id));
      return Promise.resolve(items.find((i) => i.id === 'joint-forward-plan'));
    };
    const asked: vscode.InputBoxOptions[] = [];
    const answers = ['NHS Test Valley Integrated Care Board', '2027/28 to 2031/32'];
    window.showInputBox = (options?: vscode.InputBoxOptions) => {
      asked.push(options ?? {});
      return Promise.resolve(answers.shift());
    };
    let doc: vscode.TextDocument;
    try {
      const opened = waitFor(
        vscode.window.onDidChangeActiveTextEditor,
        (e) => (e?.document.isUntitled && e.document.getText().includes('plan: joint-forward-plan') ? e.document : undefined),
        'an untitled plan from jfp.newPlan',
        undefined,
        true,
      );
      await vscode.commands.executeCommand('jfp.newPlan');
      doc = await opened;
    } finally {
      window.showInputBox = original;
      window.showQuickPick = originalPick;
    }
    assert.deepEqual(offered, ['joint-forward-plan', 'strategic-commissioning-plan']);
    assert.equal(asked.length, 2);
    // The inputs are checked: an empty name is refused, a period in another form only warned about.
    assert.equal(typeof (await asked[0]!.validateInput?.('')), 'string');
    assert.equal(await asked[0]!.validateInput?.('NHS Test ICB'), undefined);
    const warning = (await asked[1]!.validateInput?.('2027 to 2032')) as vscode.InputBoxValidationMessage;
    assert.equal(warning.severity, vscode.InputBoxValidationSeverity.Warning);
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /^---\nplan: joint-forward-plan\n/);
    try {
      assert.match(doc.getText(), /^icb: "?NHS Test Valley Integrated Care Board"?$/m);
      assert.match(doc.getText(), /^period: "?2027\/28 to 2031\/32"?$/m);
      const coverage = await coverageOf(api, doc.uri);
      assert.equal(coverage.isPlan, true);
      const statutory = coverage.items.filter((i) => i.counted && /^statutory-/.test(i.kind));
      assert.ok(statutory.length > 5, `${statutory.length} statutory items`);
      // Each has its section, started but not yet covered: a heading says where, the text says how well.
      assert.deepEqual(
        statutory.filter((i) => i.status !== 'missing' || i.started !== true).map((i) => `${i.id}=${i.status}`),
        [],
      );
    } finally {
      // The new plan is never saved: close it without asking.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
