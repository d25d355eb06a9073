import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pdfFromMarkdown, wordFromMarkdown } from '../../convertFixtures.js';
import mammoth from 'mammoth';
import { activateApi, coverageOf, draftUri, exampleUri, revertAllAndClose, type JfpApi } from './helpers.js';

/** "Import a Word or PDF plan" and "Check a Word or PDF plan", on files built from the example plan. */
describe('Word and PDF commands', () => {
  let dir: string;
  let docx: vscode.Uri;
  let pdf: vscode.Uri;
  let docxBytes: Buffer;
  let api: JfpApi;

  before(async () => {
    api = await activateApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-e2e-word-'));
    const example = fs.readFileSync(exampleUri().fsPath, 'utf8');
    docxBytes = await wordFromMarkdown(example);
    docx = vscode.Uri.file(path.join(dir, 'plan.docx'));
    pdf = vscode.Uri.file(path.join(dir, 'plan.pdf'));
    fs.writeFileSync(docx.fsPath, docxBytes);
    fs.writeFileSync(pdf.fsPath, pdfFromMarkdown(example, { outline: true }));
  });

  after(async () => {
    await revertAllAndClose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers both commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['jfp.importWordPdf', 'jfp.checkWordPdf']) assert.ok(commands.includes(id), `${id} is registered`);
  });

  it('jfp.importWordPdf opens the Word file as a new Markdown plan, and leaves the file unchanged', async () => {
    await vscode.commands.executeCommand('jfp.importWordPdf', docx);
    // The command resolves once the new document is shown.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^---\nplan: joint-forward-plan\ntitle: "NHS Wessex Vale Joint Forward Plan 2026\/27 to 2030\/31"\nicb: "NHS Wessex Vale Integrated Care Board"\nperiod: "2026\/27 to 2030\/31"\n/);
    assert.match(text, /^## Joining up care closer to home$/m);
    assert.deepEqual(fs.readFileSync(docx.fsPath), docxBytes);
  });

  it('jfp.checkWordPdf shows the coverage report and keeps the converted text read-only, without converting the file', async () => {
    await vscode.commands.executeCommand('jfp.checkWordPdf', pdf);
    // The command resolves once the report is shown.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.includes('Coverage: plan.pdf'), tabs.join(', '));
    const converted = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'jfp-converted', path: `${pdf.path}.md` }));
    assert.match(converted.getText(), /^## Joining up care closer to home$/m);
    assert.equal(fs.readdirSync(dir).sort().join(','), 'plan.docx,plan.pdf', 'nothing is written next to the file');
  });

  it('jfp.exportReport writes a Word document when the target is a .docx, with the statutory table', async () => {
    await coverageOf(api, draftUri());
    const target = vscode.Uri.file(path.join(dir, 'board-report.docx'));
    await vscode.commands.executeCommand('jfp.exportReport', target);
    const { value } = await mammoth.convertToHtml({ path: target.fsPath });
    assert.match(value, /<h1>How this plan meets its statutory requirements<\/h1>/);
    assert.match(value, /<td><p>Duty to promote integration<\/p><\/td>/);
    fs.rmSync(target.fsPath);
  });
});
