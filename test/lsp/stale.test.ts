import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DRAFT, WORKSPACE, hasCode } from './fixtures.js';
import { NO_DEBOUNCE, TestClient } from './lspClient.js';

describe('stale and concurrent requests', function () {
  this.timeout(60_000);
  let client: TestClient;
  const text = fs.readFileSync(DRAFT, 'utf8');
  const uri = pathToFileURL(DRAFT).href;
  const position = { line: 3, character: 2 };

  beforeEach(async () => {
    client = new TestClient({ workspaceFolder: WORKSPACE, settings: NO_DEBOUNCE });
    await client.initialize();
  });
  afterEach(async () => {
    assert.equal(client.exited, false, `the server exited: ${client.stderr}`);
    assert.equal(await client.stop(), 0);
  });

  const notify = (method: string, params: unknown) => client.connection.sendNotification(method, params);
  const versionsPublished = () => client.published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);

  it('requests for a document that is not open, or was closed, are answered with nothing', async () => {
    const closed = pathToFileURL(`${WORKSPACE}/never-opened-forward-plan.md`).href;
    for (const u of [closed, 'untitled:Untitled-1', 'file:///no/such/dir/x.md']) {
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: u }, position }), null);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: u }, position }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: u }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: u } }), []);
      await client.request('jfp/coverage', { uri: u });
      await client.request('workspace/executeCommand', { command: 'jfp.server.effectiveConfig', arguments: [u] });
    }
  });

  it('an edit with an older version than the one held is not applied, and no diagnostics are published for it', async () => {
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 5, text } });
    await client.diagnosticsAt(uri, 5);
    await notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '# Stale\n' }] });
    await notify('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: text + '\nMore.\n' }] });
    const six = await client.diagnosticsAt(uri, 6);
    assert.ok(six.some((d) => hasCode(d, 'jfp.duty.missing')));
    assert.ok(!versionsPublished().includes(3), 'no diagnostics for the stale version');
  });

  it('rapid open, change and close: the last state wins, and a closed document is left with no diagnostics', async () => {
    for (let i = 0; i < 20; i++) {
      await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + `\n${i}\n` }] });
      void client.request('textDocument/hover', { textDocument: { uri }, position });
      await notify('textDocument/didClose', { textDocument: { uri } });
    }
    // Every request is still answered after the storm (and the answer comes after every earlier message is handled).
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    await client.request('jfp/coverage', { uri });
    // Whatever was published last for the closed document is the empty list (or nothing at all).
    const last = client.published.filter((p: PublishDiagnosticsParams) => p.uri === uri).at(-1);
    assert.deepEqual(last?.diagnostics ?? [], []);
  });

  it('cancelled requests are answered (with a result or a cancellation error), and the server carries on', async () => {
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => {
        const source = new (require_cts())();
        const p = client.connection.sendRequest(i % 2 ? 'textDocument/codeLens' : 'textDocument/hover', i % 2 ? { textDocument: { uri } } : { textDocument: { uri }, position }, source.token);
        source.cancel();
        return p;
      }),
    );
    for (const o of outcomes) if (o.status === 'rejected') assert.match(String((o.reason as Error).message), /cancel/i);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    assert.ok(diagnostics.length > 0);
    assert.ok(Array.isArray(await client.request('textDocument/codeLens', { textDocument: { uri } })));
  });

  it('a malformed request is answered with an error, not a crash', async () => {
    const [hover] = await Promise.allSettled([client.request('textDocument/hover', { textDocument: {}, position: null })]);
    assert.ok(hover.status === 'rejected' || hover.value === null);
    await assert.rejects(client.request('jfp/noSuchRequest', {}));
    await notify('textDocument/didChange', { textDocument: { uri: 'file:///not-open.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
  });
});

import { CancellationTokenSource } from 'vscode-jsonrpc/node';
function require_cts() {
  return CancellationTokenSource;
}
