import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { assertInside, check, edit, markdown, recordFigures, type RelativeEdit } from '../fuzz.js';
import { TestClient } from './lspClient.js';

/** Turns relative edits into LSP changes, applying each to the mirror as the server will. */
function toChanges(mirror: TextDocument, edits: RelativeEdit[], version: number): { changes: TextDocumentContentChangeEvent[]; doc: TextDocument } {
  const changes: TextDocumentContentChangeEvent[] = [];
  let doc = mirror;
  for (const e of edits) {
    const text = doc.getText();
    const start = Math.floor(e.at * text.length);
    const end = Math.min(text.length, start + e.length);
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert };
    changes.push(change);
    doc = TextDocument.update(doc, [change], version);
  }
  return { changes, doc };
}

describe('fuzz over stdio: incremental edits, full re-open and requests', function () {
  this.timeout(180_000);
  let client: TestClient;
  let folder: string;
  const figures = { documents: 0, changes: 0, edits: 0, requests: 0, diagnosticsChecked: 0 };

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-fuzz-'));
    client = new TestClient({ workspaceFolder: folder, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
  });

  after(async () => {
    recordFigures('lsp', figures);
    assert.equal(client.exited, false, `the server exited: ${client.stderr}`);
    assert.equal(await client.stop(), 0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('diagnostics for the final version equal those of a fresh open; every range is inside its version; every request is answered', async () => {
    const arb = fc.tuple(markdown, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat());
    let n = 0;
    await check(arb, 30, async ([initial, batches, p1, p2]) => {
      const uri = pathToFileURL(path.join(folder, `fuzz-${n++}-forward-plan.md`)).href;
      const texts = new Map<number, string>([[1, initial]]);
      let mirror = TextDocument.create(uri, 'markdown', 1, initial);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: initial } });
      figures.documents++;
      for (const batch of batches) {
        const version = mirror.version + 1;
        const { changes, doc } = toChanges(mirror, batch, version);
        mirror = doc;
        texts.set(version, mirror.getText());
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        figures.changes++;
        figures.edits += changes.length;
      }
      const final = mirror.getText();
      const incremental = await client.diagnosticsAt(uri, mirror.version);

      // Requests at a position inside the text, and one far outside it, are all answered.
      const inside = mirror.positionAt(p1 % (final.length + 1));
      const requests = [inside, { line: (p2 % 5) * 100_000, character: 3 }].flatMap((position) => [
        client.request('textDocument/hover', { textDocument: { uri }, position }),
        client.request('textDocument/completion', { textDocument: { uri }, position }),
        client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: incremental } }),
        client.request('textDocument/codeLens', { textDocument: { uri } }),
        client.request('jfp/coverage', { uri }),
      ]);
      await Promise.all(requests);
      figures.requests += requests.length;

      for (const p of client.published.filter((x) => x.uri === uri && x.version !== undefined)) {
        const text = texts.get(p.version!);
        assert.ok(text !== undefined, `diagnostics for a version never sent: ${p.version}`);
        for (const d of p.diagnostics) {
          assertInside(text, d.range, `${String(d.code)} (version ${p.version})`);
          assert.notEqual(d.code, 'jfp.internal', String(d.message));
          figures.diagnosticsChecked++;
        }
      }

      // A fresh open of the final text gives the same diagnostics.
      await client.close(uri);
      await client.diagnosticsFor(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1000, text: final } });
      const fresh = await client.diagnosticsAt(uri, 1000);
      assert.deepEqual(strip(fresh), strip(incremental));
      await client.close(uri);
      assert.equal(client.exited, false, `the server exited: ${client.stderr}`);
    });
  });
});

/** Diagnostics in a stable order, for comparison. */
function strip(ds: Diagnostic[]): string[] {
  return ds.map((d) => JSON.stringify(d)).sort();
}
