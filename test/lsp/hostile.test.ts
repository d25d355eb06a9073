/**
 * Hostile messages over the real server (stdio): parameters of the wrong type, random
 * JSON-RPC messages, and stale and repeated versions. After
 * each, the server is still running and answers a final request.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seeded } from '../unit/hostile/generators.js';
import { recordFigures } from '../fuzz.js';
import { TestClient } from './lspClient.js';

const PLAN = '---\nplan: joint-forward-plan\n---\n\n# Our Joint Forward Plan\n\n## Integration\n\nThe CCG and the ICB will work on integration. See [the guidance](https://example.org/a_(b)) and ![map](map.png "The CCG area").\n\n<script>\nconst CCG = "[x](y)";\n</script>\n';

/** Values of every JSON type, and shapes close to the right ones. */
const CONFUSED: unknown[] = [null, 0, -1, 1.5, 2 ** 40, '', 'x', true, [], [1], {}, { uri: 5 }, { textDocument: null }, { textDocument: { uri: 7, text: {} } }, { textDocument: { uri: 'file:///x.md', version: 'one', text: 3 } }];
const METHODS = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', 'textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/codeLens', 'workspace/executeCommand', 'jfp/coverage'];
const REQUESTS = new Set(['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/codeLens', 'workspace/executeCommand', 'jfp/coverage']);

describe('hostile: messages that must not kill the server', function () {
  this.timeout(120_000);
  let folder: string;
  let client: TestClient;
  let file: string;
  let uri: string;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-hostile-'));
    file = path.join(folder, 'our-forward-plan.md');
    uri = pathToFileURL(file).href;
    fs.writeFileSync(file, PLAN);
    client = new TestClient({ workspaceFolder: folder, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
  });
  afterEach(async () => {
    assert.equal(client.exited, false, `the server exited: ${client.stderr}`);
    assert.equal(await client.stop(), 0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const stillAnswers = async () => {
    const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(Array.isArray(lenses), 'the server answers a final request');
  };

  it('a didOpen whose uri or text has the wrong type is ignored, and the server keeps working', async () => {
    for (const textDocument of [{ uri: 42, languageId: 'markdown', version: 1, text: 'x' }, { uri, languageId: 'markdown', version: 1, text: 42 }, { uri, languageId: 'markdown', version: 'one', text: 'x' }, null]) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument });
    }
    await client.open(file);
    assert.ok((await client.diagnosticsAt(uri, 1)).length > 0);
    await stillAnswers();
  });

  it('random, type-confused messages get an error or are ignored; none ends the server', async () => {
    await client.open(file);
    await client.diagnosticsAt(uri, 1);
    const random = seeded(20261203);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let errors = 0;
    let sent = 0;
    for (let i = 0; i < 150; i++) {
      const method = pick(METHODS);
      const params = random() < 0.3 ? { textDocument: { uri, version: pick([0, 1, 2, -1, 'x', null]), languageId: 1, text: pick([null, 5, 'text']) }, position: pick(CONFUSED), range: pick(CONFUSED), context: pick(CONFUSED), contentChanges: pick(CONFUSED), changes: pick(CONFUSED), command: pick(CONFUSED), arguments: pick(CONFUSED), uri: pick(CONFUSED) } : pick(CONFUSED);
      sent++;
      if (REQUESTS.has(method)) {
        try {
          await client.connection.sendRequest(method, params);
        } catch {
          errors++;
        }
      } else {
        await client.connection.sendNotification(method, params);
      }
    }
    await stillAnswers();
    assert.ok(errors > 0, 'wrong parameters get error answers');
    recordFigures('hostile messages', { sent, errorAnswers: errors });
  });

  it('changes with an older or equal version are refused; a skipped version is applied; diagnostics follow the client', async () => {
    await client.open(file);
    await client.diagnosticsAt(uri, 1);
    type Change = { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
    const notify = (version: number, change: Change) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const three = PLAN + '\nVersion three.\n';
    await notify(3, { text: three }); // skipped version 2: applied
    await client.diagnosticsAt(uri, 3);
    // Incremental changes, so that one applied wrongly leaves the server's text different from the editor's.
    const held = TextDocument.create(uri, 'markdown', 3, three);
    const end = held.positionAt(three.length);
    await notify(3, { range: { start: { line: 0, character: 0 }, end }, text: '' }); // equal: refused
    await notify(2, { range: { start: { line: 0, character: 0 }, end }, text: 'x' }); // older: refused
    await notify(4, { range: { start: end, end }, text: 'Version four about the CCG.\n' });
    const four = await client.diagnosticsAt(uri, 4);
    const doc = TextDocument.create(uri, 'markdown', 4, three + 'Version four about the CCG.\n');
    for (const d of four) assert.ok(d.range.end.line < doc.lineCount, 'every range is inside the text the client holds');
    assert.ok(four.some((d) => d.range.start.line === end.line), 'the server holds version four (three and the appended line), not the refused texts');
    assert.ok(four.some((d) => d.code === 'jfp.plan.summary'), 'the server still holds the plan (the refused changes would have deleted it)');
    assert.ok(!client.published.some((p) => p.uri === uri && p.version !== undefined && p.version < 3 && p.version !== 1), 'nothing is published for a refused version');
    await stillAnswers();
  });
});
