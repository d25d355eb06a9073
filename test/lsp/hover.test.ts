import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { EXAMPLE, lineOf } from './fixtures.js';
import { withServer, type TestClient } from './lspClient.js';

// What a hover says is tested in process (test/unit/features/hover.test.ts); here, only what the
// protocol decides: the format the client asked for in its capabilities.
async function hoverOnHeading(client: TestClient): Promise<MarkupContent> {
  const uri = await client.open(EXAMPLE);
  const position = { line: lineOf(EXAMPLE, '## Climate change and net zero'), character: 5 };
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return h!.contents as MarkupContent;
}

describe('LSP hover', () => {
  it('answers in Markdown to a client that renders it', async () => {
    const h = await withServer({}, hoverOnHeading);
    assert.equal(h.kind, 'markdown');
    assert.match(h.value, /^\*\*Duty as to climate change\*\* · Statutory duty\n\nLegal basis: NHS Act 2006 s\.14Z44/);
  });

  it('answers in plain text to a client that cannot render Markdown', async () => {
    const h = await withServer({ markdownHover: false }, hoverOnHeading);
    assert.equal(h.kind, 'plaintext');
    assert.match(h.value, /^Duty as to climate change · Statutory duty\n\nLegal basis: NHS Act 2006 s\.14Z44/);
  });
});
