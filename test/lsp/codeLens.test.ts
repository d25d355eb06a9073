import * as assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { EXAMPLE, lineOf } from './fixtures.js';
import { TestClient } from './lspClient.js';

describe('LSP code lens', () => {
  it('shows the key-element count above each mapped heading, once per item', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = await client.open(EXAMPLE);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      const climate = lenses.find((l) => l.range.start.line === lineOf(EXAMPLE, '## Climate change and net zero'));
      assert.ok(climate);
      assert.match(climate.command!.title, /^Duty as to climate change · \d+\/\d+ key elements$/);
      assert.equal(climate.command!.command, 'jfp.showGuidance');
      const hwb = lenses.filter((l) => l.command!.title.startsWith('Statement of each relevant HWB'));
      assert.equal(hwb.length, 1, 'subsections of a mapped section get no second lens');
    } finally {
      await client.stop();
    }
  });
});
