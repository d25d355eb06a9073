import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { analyseFiles } from '../helpers.js';
import { EXAMPLE, lineOf } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

// What completion offers is tested in process (test/unit/features/completion.test.ts); here, that
// the server completes against the text as the editor changed it, with the client's capabilities.
describe('LSP completion', () => {
  const client = serverForSuite({ settings: NO_DEBOUNCE });

  it('completes an id typed into the document through didChange', async () => {
    const uri = await client.open(EXAMPLE);
    const line = lineOf(EXAMPLE, '## Foreword') + 1;
    const typed = '<!-- jfp: duty-cl';
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed + '\n' }]);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length } });
    const climate = items.find((i) => i.label === 'duty-climate-change')!;
    assert.deepEqual(climate.textEdit, { range: { start: { line, character: '<!-- jfp: '.length }, end: { line, character: typed.length } }, newText: 'duty-climate-change' });
    assert.equal((climate.documentation as { kind: string }).kind, 'markdown', 'the client takes Markdown documentation');
    await client.close(uri);
  });

  it('offers section snippets to a client that supports them', async () => {
    const uri = await client.open(EXAMPLE);
    const line = lineOf(EXAMPLE, '## Foreword');
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '## \n' }]);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
    // One of each for every item of the catalogue the example is checked against.
    const count = analyseFiles([EXAMPLE]).plan.index.catalogue.items.length;
    assert.deepEqual([items.filter((i) => i.kind === 1).length, items.filter((i) => i.kind === 15).length], [count, count], 'a heading and a snippet for each item');
    await client.close(uri);
  });
});
