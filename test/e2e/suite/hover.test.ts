import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, exampleUri, lineOf, revertAllAndClose, show } from './helpers.js';

/** The Markdown of every hover at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('Hover', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activateApi();
    // The client sends didOpen before any request on the document, so no wait is needed.
    doc = (await show(exampleUri())).document;
  });

  after(async () => {
    await revertAllAndClose();
  });

  it('explains a duty on its heading, with the legal citation and this plan’s status', async () => {
    const text = await hoverText(doc.uri, new vscode.Position(lineOf(doc, '## Climate change and net zero'), 5));
    assert.match(text, /Duty as to climate change/);
    assert.match(text, /NHS Act 2006 s\.14Z44/);
    assert.match(text, /In this plan: addressed/);
  });

  it('explains the item named in a jfp comment', async () => {
    const text = await hoverText(doc.uri, new vscode.Position(lineOf(doc, '<!-- jfp: duty-integration'), 14));
    assert.match(text, /Duty to promote integration/);
    assert.match(text, /s\.14Z42/);
  });

  it('says nothing of its own over ordinary prose', async () => {
    const text = await hoverText(doc.uri, new vscode.Position(lineOf(doc, '## Foreword') + 2, 0));
    assert.doesNotMatch(text, /NHS Act 2006|In this plan:/);
  });
});
