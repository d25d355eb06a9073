import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateApi, coverageOf, draftUri, exampleUri, revert, revertAllAndClose, waitFor, type JfpApi } from './helpers.js';

const START = '<!-- jfp-annex:start -->';
const END = '<!-- jfp-annex:end -->';
const count = (text: string, s: string) => text.split(s).length - 1;

describe('Report commands', () => {
  let api: JfpApi;

  before(async () => {
    api = await activateApi();
  });

  after(async () => {
    await revertAllAndClose();
  });

  it('registers the report commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['jfp.insertAnnex', 'jfp.exportReport', 'jfp.comparePrevious']) assert.ok(commands.includes(id), `${id} is registered`);
  });

  it('jfp.insertAnnex inserts the annex, and after an edit replaces it in place (then the draft is reverted)', async () => {
    await coverageOf(api, draftUri());
    const doc = await vscode.workspace.openTextDocument(draftUri());
    const original = doc.getText();
    try {
      await vscode.commands.executeCommand('jfp.insertAnnex');
      assert.equal(count(doc.getText(), START), 1, 'one annex');
      assert.match(doc.getText(), /\| Duty in respect of research \|[^|]*\| Not yet met \| — \|/);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), draftUri().toString());
      assert.equal(editor.document.lineAt(editor.selection.start.line).text, '## How this plan meets its statutory requirements', 'the annex heading is selected');

      // Add a research section above the annex, wait for the tree to see it, and insert again.
      const at = doc.positionAt(doc.getText().indexOf(START));
      const edit = new vscode.WorkspaceEdit();
      // A focused discussion (one sentence would be a passing mention: partly covered).
      const research = [
        'We will support clinical research and trials with the National Institute for Health and Care Research and local universities.',
        'Every provider will offer its patients the chance to take part in research studies.',
        'Our research and innovation board will set priorities for applied health research in the area.',
        'We will use research evidence to decide which services to fund, and report research activity to the board each year.',
      ].join(' ');
      edit.insert(draftUri(), at, `## Research\n\n${research}\n\n`);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const coverage = await coverageOf(api, draftUri());
      assert.equal(coverage.items.find((i) => i.id === 'duty-research')?.status, 'addressed');
      await vscode.commands.executeCommand('jfp.insertAnnex');
      const text = doc.getText();
      assert.equal(count(text, START), 1, 'still one annex');
      assert.equal(count(text, END), 1);
      assert.match(text, /\| Duty in respect of research \|[^|]*\| Met \| \[Research\]\(#research\) \|/);
      assert.ok(text.indexOf('## Research') < text.indexOf(START), 'replaced in place, after the new section');
    } finally {
      await revert(draftUri());
    }
    assert.equal(doc.getText(), original);
  });

  it('jfp.exportReport writes the HTML report where it is asked to', async () => {
    await coverageOf(api, draftUri());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-export-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'report.html'));
      await vscode.commands.executeCommand('jfp.exportReport', target);
      const html = fs.readFileSync(target.fsPath, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<h1>NHS Wessex Vale Joint Forward Plan: working draft<\/h1>/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('jfp.comparePrevious opens the comparison with the chosen previous plan', async () => {
    await coverageOf(api, draftUri());
    const isComparison = (d: vscode.TextDocument) => d.isUntitled && d.getText().startsWith('# Changes since the previous plan');
    const opened = waitFor(vscode.workspace.onDidOpenTextDocument, (d) => (d && isComparison(d) ? d : undefined), 'the comparison document');
    await vscode.commands.executeCommand('jfp.comparePrevious', exampleUri());
    const doc = await opened;
    assert.match(doc.getText(), /\| \*\*Lost\*\* \| Duty in respect of research \| Yes \| Met \| Not yet met \|/);
    // Close the untitled document without a save prompt.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
