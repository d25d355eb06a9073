import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ordinary, PLAN_HEAD } from '../unit/hostile/generators.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

/**
 * A long plan being typed into: requests are answered from the last completed analysis while
 * the next one is under way (server/src/lsp/pipeline.ts), so they come back before the
 * diagnostics of the version they were sent after; their ranges are those of the current text;
 * and no diagnostics for a superseded version come after a newer version's.
 * Only the order of events is asserted, never a duration.
 */
describe('LSP: requests answered while a long plan is analysed', function () {
  this.timeout(180_000);
  const client = serverForSuite({ settings: NO_DEBOUNCE });
  const uri = 'untitled:busy-forward-plan.md';
  // About 200 KB: each analysis of it takes long enough that typing overtakes it.
  const text = PLAN_HEAD + ordinary(5000);

  it('answers hovers and completions before publishing the version they were sent after, from the current text', async () => {
    const mine = () => client.published.filter((p) => p.uri === uri);
    /** What the client had received for the plan when each answer came (messages arrive in the order the server sent them). */
    const events: { what: string; after: number; publishedBefore: (number | undefined)[] }[] = [];
    const mirror = TextDocument.create(uri, 'markdown', 1, text);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.diagnosticsAt(uri, 1);

    const titleLine = mirror.positionAt(text.indexOf('# Hostile plan')).line;
    const type = async (line: number, typed: string) => {
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      TextDocument.update(mirror, [{ range, text: typed }], mirror.version + 1);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: mirror.version }, contentChanges: [{ range, text: typed }] });
      return mirror.version;
    };
    /** A hover on the last "JSNA" of the current text, recorded with the version it was sent after. */
    const hoverJsna = (after: number) => {
      // The server reads messages in order, so it answers against the text as it is when the request is sent.
      const now = mirror.getText();
      const at = now.lastIndexOf('JSNA') + 1;
      const position = mirror.positionAt(at);
      return client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }).then((h) => {
        events.push({ what: 'hover', after, publishedBefore: mine().map((p) => p.version) });
        return { h, text: now };
      });
    };

    const hovers: ReturnType<typeof hoverJsna>[] = [];
    let version = 1;
    // Typing above the text hovered: every line below moves down, version after version.
    for (let i = 0; i < 6; i++) {
      version = await type(titleLine + 1, `Typed paragraph ${i}.\n\n`);
      hovers.push(hoverJsna(version));
    }
    // An id typed into a comment, completed at once.
    const typed = '<!-- jfp: duty-cl';
    version = await type(titleLine + 1, `${typed}\n`);
    const completion = client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: titleLine + 1, character: typed.length } }).then((items) => {
      events.push({ what: 'completion', after: version, publishedBefore: mine().map((p) => p.version) });
      return items;
    });
    hovers.push(hoverJsna(version));

    const answers = await Promise.all(hovers);
    const items = await completion;
    await client.diagnosticsAt(uri, version);

    // 1. Requests are answered before the diagnostics of the version they were sent after are published.
    const last = events.filter((e) => e.after === version);
    assert.deepEqual(last.map((e) => e.what).sort(), ['completion', 'hover']);
    for (const e of last) assert.ok(!e.publishedBefore.includes(version), `${e.what} after ${version} came after its diagnostics: ${e.publishedBefore.join(', ')}`);

    // 2. Every answer refers to the text the request was sent against: a hover's range covers "JSNA" there.
    for (const { h, text: now } of answers) {
      if (!h?.range) continue;
      const doc = TextDocument.create(uri, 'markdown', 0, now);
      assert.equal(doc.getText(h.range as Range), 'JSNA');
    }
    assert.ok(answers.some((a) => a.h?.range), 'at least one hover was answered with a range');
    const climate = items.find((i) => i.label === 'duty-climate-change');
    assert.ok(climate?.textEdit && 'range' in climate.textEdit);
    assert.deepEqual(climate.textEdit.range, { start: { line: titleLine + 1, character: '<!-- jfp: '.length }, end: { line: titleLine + 1, character: typed.length } });

    // 3. Versions are published in order: never an older version after a newer one.
    const versions = mine().map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `published ${versions.join(', ')}`);
    assert.equal(versions.at(-1), version);
  });
});
