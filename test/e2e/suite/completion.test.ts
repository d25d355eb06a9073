import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, exampleUri, labelOf, lineOf, revert, revertAllAndClose, show } from './helpers.js';

const ID = /^(duty|req|need|area|frame|related)-[a-z-]+$/;

describe('Completion', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activateApi();
    doc = (await show(exampleUri())).document;
  });

  afterEach(async () => {
    await revert(exampleUri()); // never saved: discard what the test typed
  });

  after(async () => {
    await revertAllAndClose();
  });

  /** Types `text` on a new line before `line` (an edit, as if typed) and returns the completions at its end. */
  async function completeAfterTyping(line: number, text: string): Promise<vscode.CompletionItem[]> {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 0), `${text}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
    assert.equal(doc.lineAt(line).text, text);
    assert.ok(doc.isDirty);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, text.length));
    return list?.items ?? [];
  }

  it('offers the items’ section headings after "## "', async () => {
    const items = await completeAfterTyping(lineOf(doc, '## Foreword'), '## ');
    const labels = items.map(labelOf);
    assert.ok(labels.includes('Climate change and net zero'), `"Climate change and net zero" in ${labels.join(' | ')}`);
    const headings = items.filter((i) => i.kind === vscode.CompletionItemKind.Text && / · (addressed|partial|missing|waived)$/.test(i.detail ?? ''));
    assert.ok(headings.length >= 20, `a heading for each catalogue item (${headings.length})`);
    assert.match(headings.find((i) => labelOf(i) === 'Climate change and net zero')!.detail!, /^Duty as to climate change · addressed$/);
    assert.ok(headings.some((i) => / · missing$/.test(i.detail!)), 'missing items are offered, and say so');
    // VS Code supports snippets, so whole-section skeletons are offered too.
    assert.ok(items.some((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).endsWith('(section with key elements)')));
  });

  it('offers catalogue ids inside a jfp comment', async () => {
    const items = await completeAfterTyping(lineOf(doc, '## Foreword') + 1, '<!-- jfp: ');
    const ids = items.map(labelOf).filter((l) => ID.test(l));
    for (const id of ['duty-climate-change', 'duty-research', 'duty-integration', 'area-estates']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  });

  it('replaces the partly typed id', async () => {
    const line = lineOf(doc, '## Foreword') + 1;
    const items = await completeAfterTyping(line, '<!-- jfp: duty-cl');
    const climate = items.find((i) => labelOf(i) === 'duty-climate-change');
    assert.ok(climate, 'duty-climate-change is offered');
    const range = climate.range instanceof vscode.Range ? climate.range : climate.range?.replacing;
    assert.ok(range, 'the item says what it replaces');
    assert.equal(range.start.line, line);
    assert.equal(range.start.character, '<!-- jfp: '.length);
  });
});
