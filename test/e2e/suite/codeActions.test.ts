import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateApi,
  codeOf,
  draftUri,
  isResearchMissing,
  itemIdOf,
  revert,
  revertAllAndClose,
  setRules,
  show,
  SUMMARY_OFF,
  summarise,
  waitForDiagnostics,
} from './helpers.js';

const isAdviceMissing = (d: vscode.Diagnostic) => codeOf(d) === 'jfp.duty.missing' && (itemIdOf(d) === 'duty-advice' || /Duty to obtain appropriate advice/.test(d.message));
const isProcurementMissing = (d: vscode.Diagnostic) => codeOf(d) === 'jfp.duty.missing' && (itemIdOf(d) === 'area-procurement' || /Procurement/.test(d.message));
const isUnknownTag = (d: vscode.Diagnostic) => codeOf(d) === 'jfp.tag.unknown';
/** The draft as it is on disk: what each test starts from. */
const pristine = (ds: vscode.Diagnostic[]) => ds.some(isResearchMissing) && ds.some(isAdviceMissing) && ds.some(isUnknownTag);

async function actionsFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, d.range);
  return (all ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

describe('Quick fixes', () => {
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    await activateApi();
    doc = (await show(draftUri())).document;
    original = doc.getText();
    // Per-item quick fixes sit on each item's own finding, shown when the plan summary is off.
    await setRules(SUMMARY_OFF, pristine, 'each missing item on its own');
  });

  beforeEach(async () => {
    await waitForDiagnostics(draftUri(), pristine, 'the draft’s diagnostics as on disk');
  });

  afterEach(async () => {
    // Never saved: revert to the file on disk, and wait until the server has caught up.
    await revert(draftUri());
    assert.equal(doc.getText(), original);
    await waitForDiagnostics(draftUri(), pristine, 'the diagnostics of the reverted draft');
  });

  after(async () => {
    await setRules(undefined, (ds) => ds.some((d) => codeOf(d) === 'jfp.plan.summary'), 'the plan summary back');
    await revertAllAndClose();
  });

  /** Applies a quick fix's edit (it is inline, not resolved later) and returns the diagnostics once `settled` holds. */
  async function apply(action: vscode.CodeAction, settled: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
    assert.ok(action.edit, `"${action.title}" carries its edit`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was applied`);
    assert.ok(doc.isDirty, 'the draft has unsaved changes');
    return waitForDiagnostics(draftUri(), settled, what);
  }

  it('inserts a section for the missing research duty, and its diagnostic goes', async () => {
    const research = (await waitForDiagnostics(draftUri(), (ds) => ds.some(isResearchMissing), 'duty-research missing')).find(isResearchMissing)!;
    const actions = await actionsFor(draftUri(), research);
    const insert = actions.find((a) => a.title === 'Insert a section for "Duty in respect of research"');
    assert.ok(insert, `an insert action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(insert.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(insert.isPreferred, true);
    const after = await apply(insert, (ds) => ds.length > 0 && !ds.some(isResearchMissing), 'duty-research to be no longer missing');
    assert.ok(doc.getText().includes('<!-- jfp: duty-research -->'), 'the section is tagged');
    assert.ok(doc.getText().startsWith(original.trimEnd()), 'the existing text is kept as it was');
    assert.ok(after.some(isAdviceMissing), `other missing duties are still reported: ${summarise(after)}`);
  });

  it('offers no waiver for a statutory duty, and waives a missing content area with a reason to complete', async () => {
    const advice = (await waitForDiagnostics(draftUri(), (ds) => ds.some(isAdviceMissing), 'duty-advice missing')).find(isAdviceMissing)!;
    const adviceActions = await actionsFor(draftUri(), advice);
    assert.ok(!adviceActions.some((a) => a.title.startsWith('Waive')), `no waiver among: ${adviceActions.map((a) => a.title).join(' | ')}`);
    const procurement = (await waitForDiagnostics(draftUri(), (ds) => ds.some(isProcurementMissing), 'area-procurement missing')).find(isProcurementMissing)!;
    const waive = (await actionsFor(draftUri(), procurement)).find((a) => a.title.startsWith('Waive "Procurement'));
    assert.ok(waive, 'a waive action');
    await apply(waive, (ds) => ds.length > 0 && !ds.some(isProcurementMissing), 'area-procurement to be no longer missing');
    assert.ok(doc.getText().includes('<!-- jfp-waive area-procurement: say why this plan does not cover it -->'));
  });

  it('offers "Insert all missing sections" on the plan summary, which covers the research duty', async () => {
    const ds = await setRules(undefined, (x) => x.some((d) => codeOf(d) === 'jfp.plan.summary'), 'the plan summary');
    try {
      assert.ok(!ds.some(isResearchMissing), `research summed up, not on its own: ${summarise(ds)}`);
      const summary = ds.find((d) => codeOf(d) === 'jfp.plan.summary' && d.severity === vscode.DiagnosticSeverity.Warning)!;
      assert.ok(summary, `a warning summary in ${summarise(ds)}`);
      const actions = await actionsFor(draftUri(), summary);
      const all = actions.find((a) => a.title === 'Insert all missing sections');
      assert.ok(all, `"Insert all missing sections" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(all.edit && (await vscode.workspace.applyEdit(all.edit)));
      assert.ok(doc.getText().includes('<!-- jfp: duty-research -->'), 'a tagged section for the research duty');
      assert.ok(doc.getText().startsWith(original.trimEnd()), 'the existing text is kept as it was');
    } finally {
      await revert(draftUri());
      await setRules(SUMMARY_OFF, pristine, 'each missing item on its own again');
    }
  });

  it('replaces the misspelt id with the closest known one', async () => {
    const unknown = (await waitForDiagnostics(draftUri(), (ds) => ds.some(isUnknownTag), 'the unknown tag')).find(isUnknownTag)!;
    const fix = (await actionsFor(draftUri(), unknown)).find((a) => a.title === 'Change to "duty-integration"');
    assert.ok(fix, 'a "Change to" action');
    await apply(fix, (ds) => ds.length > 0 && !ds.some(isUnknownTag), 'the unknown tag diagnostic to go');
    assert.ok(doc.getText().includes('<!-- jfp: duty-integration -->'));
    assert.ok(!doc.getText().includes('duty-integraton'));
  });
});
