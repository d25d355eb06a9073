import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { EXAMPLE, lineOf } from './fixtures.js';
import { TestClient } from './lspClient.js';

async function hoverAt(client: TestClient, uri: string, line: number, character: number): Promise<MarkupContent | undefined> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return h?.contents as MarkupContent | undefined;
}

describe('LSP hover', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = new TestClient();
    await client.initialize();
    uri = await client.open(EXAMPLE);
  });

  after(async () => {
    await client.stop();
  });

  it('explains a duty on its heading, with the legal citation and this plan’s checklist', async () => {
    const h = await hoverAt(client, uri, lineOf(EXAMPLE, '## Climate change and net zero'), 5);
    assert.ok(h);
    assert.equal(h.kind, 'markdown');
    assert.match(h.value, /\*\*Duty as to climate change\*\*/);
    assert.match(h.value, /NHS Act 2006 s\.14Z44/);
    assert.match(h.value, /In this plan: addressed/);
    assert.match(h.value, /✓ /);
    assert.match(h.value, /Source: /);
  });

  it('explains the item named in a jfp comment', async () => {
    const line = lineOf(EXAMPLE, '<!-- jfp: duty-integration');
    const h = await hoverAt(client, uri, line, 14);
    assert.match(h!.value, /Duty to promote integration/);
    assert.match(h!.value, /s\.14Z42/);
  });

  it('explains a waived item, with the reason', async () => {
    const h = await hoverAt(client, uri, lineOf(EXAMPLE, '<!-- jfp-waive area-procurement'), 20);
    assert.match(h!.value, /procurement/i);
    assert.match(h!.value, /waived · no reason given/);
  });

  it('says nothing over ordinary text', async () => {
    assert.equal(await hoverAt(client, uri, lineOf(EXAMPLE, '## Foreword') + 2, 0), undefined);
  });

  it('answers in plain text to a client that cannot render Markdown', async () => {
    const plain = new TestClient({ markdownHover: false });
    try {
      await plain.initialize();
      const u = await plain.open(EXAMPLE);
      const h = await hoverAt(plain, u, lineOf(EXAMPLE, '## Climate change and net zero'), 5);
      assert.equal(h!.kind, 'plaintext');
      assert.ok(!h!.value.includes('**'));
      assert.match(h!.value, /s\.14Z44/);
    } finally {
      await plain.stop();
    }
  });
});
