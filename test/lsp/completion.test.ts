import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { EXAMPLE, lineOf } from './fixtures.js';
import { TestClient } from './lspClient.js';

describe('LSP completion', () => {
  let client: TestClient;
  let uri: string;
  let text: string;

  before(async () => {
    client = new TestClient({ settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    text = fs.readFileSync(EXAMPLE, 'utf8');
    uri = await client.open(EXAMPLE, text);
  });

  after(async () => {
    await client.stop();
  });

  async function completeAfterTyping(line: number, typed: string): Promise<CompletionItem[]> {
    const version = await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed + '\n' }]);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length } });
    // Undo, so that each test starts from the example.
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    assert.ok(version > 1);
    return items;
  }

  it('offers the items’ section headings at the start of a heading, missing items first', async () => {
    const items = await completeAfterTyping(lineOf(EXAMPLE, '## Foreword'), '## ');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Climate change and net zero'));
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.match(sorted[0]!.detail!, /missing/);
    const snippet = items.find((i) => i.kind === 15 && i.label.startsWith('Estates'));
    assert.ok(snippet, 'a section skeleton snippet is offered');
    assert.match(String(snippet.textEdit && 'newText' in snippet.textEdit ? snippet.textEdit.newText : ''), /<!-- jfp: area-estates -->/);
  });

  it('offers catalogue ids inside a jfp comment', async () => {
    const items = await completeAfterTyping(lineOf(EXAMPLE, '## Foreword') + 1, '<!-- jfp: duty-cl');
    const climate = items.find((i) => i.label === 'duty-climate-change');
    assert.ok(climate);
    assert.equal(climate.textEdit && 'range' in climate.textEdit ? climate.textEdit.range.start.character : -1, '<!-- jfp: '.length);
  });

  it('offers the missing key elements inside a mapped section', async () => {
    const line = lineOf(EXAMPLE, '<!-- jfp: area-workforce') + 1;
    const items = await completeAfterTyping(line, '- ');
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => /Key element not yet covered · Workforce/.test(i.detail!)));
  });

  it('offers nothing in ordinary prose', async () => {
    const items = await completeAfterTyping(lineOf(EXAMPLE, '## Foreword') + 1, 'We will');
    assert.deepEqual(items, []);
  });
});
