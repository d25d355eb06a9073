/**
 * Failures contained at the edge: an exception in a document's analysis (on opening, and on
 * the debounce timer after an edit) becomes one jfp.internal diagnostic and a logged stack,
 * and the server goes on answering. The exception is injected with the test-only
 * JFP_TEST_THROW_ON variable (server/src/main.ts, lsp/failures.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/protocol.js';
import { EXAMPLE } from './fixtures.js';
import { TestClient } from './lspClient.js';

const MARKER = 'TEST-THROW-HERE';

describe('failures: an exception in the analysis is contained', function () {
  this.timeout(60_000);
  let client: TestClient;
  const logged: string[] = [];
  const dir = path.join(os.tmpdir(), 'jfp-failures');
  const example = fs.readFileSync(EXAMPLE, 'utf8');

  before(async () => {
    client = new TestClient({ env: { ...process.env, JFP_TEST_THROW_ON: MARKER }, settings: { analysis: { debounceMs: 0 } } });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
    await client.initialize();
  });

  after(async () => {
    assert.equal(client.exited, false, 'the server is still running');
    assert.equal(await client.stop(), 0);
  });

  it('a document whose analysis throws gets one jfp.internal diagnostic, and the stack is logged', async () => {
    const uri = await client.open(path.join(dir, 'broken-forward-plan.md'), example + `\n\n${MARKER}\n`);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['jfp.internal', 3, 0]],
    );
    assert.match(diagnostics[0]!.message as string, /could not check this document: test failure injected/);
    assert.ok(logged.some((m) => m.includes('broken-forward-plan.md') && m.includes('test failure injected') && /\n\s+at /.test(m)), `no stack logged: ${logged.join(' | ')}`);
    // Requests on the broken document are still answered.
    const coverage = await client.request<CoverageResult>('jfp/coverage', { uri });
    assert.equal(typeof coverage.isPlan, 'boolean');
  });

  it('the server goes on analysing other documents and answering requests', async () => {
    const uri = await client.open(path.join(dir, 'healthy-forward-plan.md'), example);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'jfp.plan.summary' || d.code === 'jfp.duty.missing' || d.code === 'jfp.duty.partial'));
    assert.ok(!diagnostics.some((d) => d.code === 'jfp.internal'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: example.split('\n').indexOf('## Climate change and net zero'), character: 4 } });
    assert.ok(hover, 'a hover on a heading');
  });

  it('an exception on the debounce timer (after an edit) is contained too, and the next edit recovers', async () => {
    const uri = await client.open(path.join(dir, 'edited-forward-plan.md'), example);
    await client.diagnosticsAt(uri, 1);
    const broken = await client.change(uri, [{ text: example + `\n\n${MARKER}\n` }]);
    assert.deepEqual((await client.diagnosticsAt(uri, broken)).map((d) => d.code), ['jfp.internal']);
    const fixed = await client.change(uri, [{ text: example }]);
    const diagnostics = await client.diagnosticsAt(uri, fixed);
    assert.ok(diagnostics.length > 0 && !diagnostics.some((d) => d.code === 'jfp.internal'));
  });
});
