import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateApi,
  codeOf,
  coverageOf,
  summarise as list,
  draftUri,
  isResearchMissing,
  itemIdOf,
  jfpDiagnostics,
  lineOf,
  notesUri,
  revert,
  revertAllAndClose,
  setRules,
  show,
  SUMMARY_OFF,
  waitForDiagnostics,
  type JfpApi,
} from './helpers.js';

const RESEARCH_SECTION = '\n## Research\n\nWe will work with NIHR and our universities on clinical trials.\n';
/** Every jfp code has this shape (the full list is in README.md and docs/rules/). */
const CODE_SHAPE = /^jfp\.[a-z-]+(\.[a-z-]+)+$/;

/** Whether a diagnostic with `code` names the item (by its data, or else by its title in the message). */
const reports = (d: vscode.Diagnostic, code: string, itemId: string, title: RegExp) => codeOf(d) === code && (itemIdOf(d) === itemId || title.test(d.message));

describe('Diagnostics', () => {
  let api: JfpApi;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    api = await activateApi();
    // Most of these tests check each item's own finding, shown when the plan summary is off.
    await vscode.workspace.getConfiguration('jfp').update('rules', SUMMARY_OFF, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('jfp').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAllAndClose();
  });

  it('publishes nothing for a Markdown file that is not a plan, and diagnostics for a plan', async () => {
    const notes = await show(notesUri());
    assert.equal(notes.document.languageId, 'markdown');
    const draft = await show(draftUri());
    assert.equal(draft.document.languageId, 'markdown');
    await waitForDiagnostics(draftUri(), (ds) => ds.some(isResearchMissing), 'the draft’s diagnostics');
    // The server answers a didOpen at once and handles messages in order, so once it has
    // answered an edit of the draft made after notes.md was opened, anything it had to say
    // about notes.md would already be here. (The edit also shows that it re-publishes.)
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri(), new vscode.Position(draft.document.lineCount, 0), RESEARCH_SECTION);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(draftUri(), (ds) => ds.length > 0 && !ds.some(isResearchMissing), 'the diagnostics of the edited draft');
    assert.deepEqual(jfpDiagnostics(notesUri()), [], 'no jfp diagnostics for notes.md');
    assert.deepEqual(vscode.languages.getDiagnostics(notesUri()), [], 'no diagnostics at all for notes.md');
    await revert(draftUri());
    diagnostics = await waitForDiagnostics(draftUri(), (ds) => ds.some(isResearchMissing), 'the diagnostics of the reverted draft');
  });

  it('tells the coverage tree that notes.md is not a plan', async () => {
    const result = await coverageOf(api, notesUri());
    assert.equal(result.isPlan, false);
    assert.deepEqual(result.items, []);
    assert.deepEqual(api.coverageTree.getChildren(), []);
  });

  it('gives every diagnostic the jfp source and a known code with a documentation link', () => {
    assert.ok(diagnostics.length > 0);
    for (const d of vscode.languages.getDiagnostics(draftUri()).filter((x) => x.source === 'jfp' || CODE_SHAPE.test(codeOf(x) ?? ''))) {
      assert.equal(d.source, 'jfp', `source of ${codeOf(d)}`);
      assert.ok(CODE_SHAPE.test(codeOf(d)!), `known code: ${codeOf(d)}`);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'the code carries a documentation link');
      assert.match(code.target.toString(), new RegExp(`${code.value.replace(/\./g, '\\.')}\\.md$`));
    }
  });

  it('reports the missing research duty on the title line, with its legal basis', async () => {
    const doc = await vscode.workspace.openTextDocument(draftUri());
    const research = diagnostics.filter(isResearchMissing);
    assert.equal(research.length, 1, `one duty-research missing diagnostic in ${list(diagnostics)}`);
    const d = research[0]!;
    assert.equal(d.range.start.line, lineOf(doc, '# '), 'on the title line');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /Duty in respect of research \(NHS Act 2006 s\.14Z40/);
  });

  it('reports the misspelt tag as an error on its line', async () => {
    const doc = await vscode.workspace.openTextDocument(draftUri());
    const unknown = diagnostics.filter((d) => codeOf(d) === 'jfp.tag.unknown');
    assert.equal(unknown.length, 1, `one jfp.tag.unknown in ${list(diagnostics)}`);
    assert.equal(unknown[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(unknown[0]!.range.start.line, lineOf(doc, '<!-- jfp: duty-integraton'));
    assert.match(unknown[0]!.message, /duty-integraton/);
  });

  it('reports partly covered duties, and counts plan files that are not open', () => {
    assert.ok(
      diagnostics.some((d) => reports(d, 'jfp.duty.partial', 'duty-climate-change', /climate change/i)),
      `duty-climate-change is partial in ${list(diagnostics)}`,
    );
    // Victims of abuse is covered only in jfp/place-chapter.md, which is never opened.
    assert.ok(!diagnostics.some((d) => reports(d, 'jfp.duty.missing', 'need-victims-of-abuse', /victims of abuse/i)));
    assert.ok(diagnostics.some((d) => reports(d, 'jfp.duty.missing', 'req-hwb-opinion', /Health and Wellbeing Board|HWB/)));
  });

  it('by default sums up what the plan lacks in one finding per level on the title, and the coverage still lists each item', async () => {
    const doc = await vscode.workspace.openTextDocument(draftUri());
    const ds = await setRules(undefined, (x) => x.some((d) => codeOf(d) === 'jfp.plan.summary'), 'the plan summary');
    try {
      assert.ok(!ds.some((d) => codeOf(d) === 'jfp.duty.missing'), `no missing item on its own in ${list(ds)}`);
      const summaries = ds.filter((d) => codeOf(d) === 'jfp.plan.summary');
      assert.equal(new Set(summaries.map((d) => d.severity)).size, summaries.length, `at most one summary per level in ${list(ds)}`);
      for (const d of summaries) assert.equal(d.range.start.line, lineOf(doc, '# '), 'on the title line');
      assert.ok(summaries.some((d) => d.severity === vscode.DiagnosticSeverity.Warning && /not covered/.test(d.message)), `a warning naming what is not covered in ${list(ds)}`);
      const coverage = await coverageOf(api, draftUri());
      assert.equal(coverage.items.find((i) => i.id === 'duty-research')?.status, 'missing');
      assert.equal(coverage.items.find((i) => i.id === 'req-hwb-opinion')?.status, 'missing');
      assert.notEqual(coverage.items.find((i) => i.id === 'need-victims-of-abuse')?.status, 'missing');
    } finally {
      await setRules(SUMMARY_OFF, (x) => x.some(isResearchMissing), 'each missing item on its own again');
    }
  });
});
