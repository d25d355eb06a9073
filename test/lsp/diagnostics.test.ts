import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { DEFAULT_CONFIG } from '../../server/src/analysis/data/config.js';
import { loadPlanFromPaths } from '../../server/src/host/planFromPaths.js';
import { applyEdits, codes, DRAFT, itemIds, lineOf, NOTES, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite, withServer } from './lspClient.js';

describe('LSP diagnostics (real server over stdio)', () => {
  const client = serverForSuite({ workspaceFolder: WORKSPACE, settings: NO_DEBOUNCE });

  it('publishes nothing for a Markdown file that is not a plan', async () => {
    const notes = await client.open(NOTES);
    const draft = await client.open(DRAFT);
    await client.diagnosticsAt(draft, 1);
    // Messages are handled in order, so anything for notes.md would have arrived first.
    assert.deepEqual(
      client.published.filter((p) => p.uri === notes),
      [],
    );
    await client.close(notes);
    await client.close(draft);
  });

  it('pushes coded diagnostics with documentation links and item ids for a plan', async () => {
    const draft = await client.open(DRAFT);
    const diagnostics = await client.diagnosticsAt(draft, 1);
    // Missing items are summed up on the title, one diagnostic per level (analysis/present/planSummary.ts).
    const missing = codes(diagnostics, 'jfp.duty.missing');
    const research = missing.find((d) => itemIds([d], 'jfp.duty.missing').includes('duty-research'));
    assert.ok(research, 'duty-research is reported missing');
    assert.equal(research.source, 'jfp');
    assert.equal(research.severity, 2);
    assert.equal(research.code, 'jfp.plan.summary');
    assert.equal(research.range.start.line, lineOf(DRAFT, '# '));
    assert.match(String(research.message), /^\d+ statutory items not covered: /);
    assert.ok(diagnostics.filter((d) => d.range.start.line === research.range.start.line).length <= 2, 'at most two diagnostics on the title');
    assert.match(research.codeDescription!.href, /jfp\.plan\.summary\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(research.codeDescription!.href)), 'the documentation page exists');

    const unknown = codes(diagnostics, 'jfp.tag.unknown');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.severity, 1);
    assert.equal(unknown[0]!.range.start.line, lineOf(DRAFT, '<!-- jfp: duty-integraton'));

    assert.deepEqual(itemIds(diagnostics, 'jfp.duty.partial').includes('duty-climate-change'), true);
    await client.close(draft);
  });

  it('counts plan files that are not open (a multi-file plan)', async () => {
    const draft = await client.open(DRAFT);
    const diagnostics = await client.diagnosticsAt(draft, 1);
    // Victims of abuse is covered only in jfp/place-chapter.md, which is never opened here.
    assert.ok(!itemIds(diagnostics, 'jfp.duty.missing').includes('need-victims-of-abuse'));
    assert.ok(itemIds(diagnostics, 'jfp.duty.missing').includes('req-hwb-opinion'));
    await client.close(draft);
  });

  it('re-publishes after an edit, for the new version', async () => {
    const text = fs.readFileSync(DRAFT, 'utf8');
    const draft = await client.open(DRAFT, text);
    assert.ok(itemIds(await client.diagnosticsAt(draft, 1), 'jfp.duty.missing').includes('duty-research'));
    const lines = text.split('\n');
    const version = await client.change(draft, [
      { range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: '\n## Research\n\nWe will work with NIHR and our universities on clinical trials.\n' },
    ]);
    const after = await client.diagnosticsAt(draft, version);
    assert.ok(!itemIds(after, 'jfp.duty.missing').includes('duty-research'));
    assert.ok(itemIds(after, 'jfp.duty.missing').includes('duty-advice'));
    await client.close(draft);
  });

  it('still publishes for an edit when a request arrives before the debounce ends', async () => {
    await withServer({ workspaceFolder: WORKSPACE, settings: { analysis: { debounceMs: 1000 } } }, async (slow) => {
      const draft = await slow.open(DRAFT);
      const first = await slow.diagnosticsAt(draft, 1);
      const version = await slow.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
      // A hover straight after the edit (eglot does this) must not swallow the pending publication.
      await slow.request('textDocument/hover', { textDocument: { uri: draft }, position: { line: 0, character: 0 } });
      // The edit inserts nothing, so the new version has the same diagnostics.
      assert.deepEqual(await slow.diagnosticsAt(draft, version), first);
    });
  });

  it('publishes edits in version order, never an older version after a newer one, and ends with the last', async () => {
    const draft = await client.open(DRAFT);
    await client.diagnosticsAt(draft, 1);
    const from = client.published.length;
    let version = 1;
    let text = fs.readFileSync(DRAFT, 'utf8');
    // Twenty edits sent without waiting, spread over the document: analyses are superseded.
    for (let i = 0; i < 20; i++) {
      const line = i * 3;
      const edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 === 0 ? 'x' : '' };
      text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
      version = await client.change(draft, [edit]);
    }
    const last = await client.diagnosticsAt(draft, version);
    const versions = client.published.slice(from).filter((p) => p.uri === draft).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions[versions.length - 1], version);
    // The last publication is what a fresh analysis of the final text gives.
    const resent = await client.change(draft, [{ text }]);
    assert.deepEqual(await client.diagnosticsAt(draft, resent), last);
    await client.close(draft);
  });

  it('clears diagnostics when a plan is closed', async () => {
    const draft = await client.open(DRAFT);
    await client.diagnosticsAt(draft, 1);
    await client.close(draft);
    const cleared = await client.diagnosticsFor(draft, (p) => p.version === undefined && p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('treats a document as a plan by its front matter, wherever it is', async () => {
    const uri = pathToFileURL(WORKSPACE + '/elsewhere/any-name.md').href;
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: '---\nplan: joint-forward-plan\n---\n# A plan\n' },
    });
    const diagnostics = await client.diagnosticsAt(uri, 1);
    // It joins the folder's plan (nothing else is open, so it carries the plan-wide findings): every counted item the folder's plan misses.
    const folderPlan = loadPlanFromPaths([WORKSPACE], DEFAULT_CONFIG, getDefaultCatalogue());
    const missing = folderPlan.coverage.filter((c) => c.counted && c.status === 'missing' && folderPlan.index.catalogue.get(c.id)!.severity !== 'off').map((c) => c.id);
    assert.ok(missing.length > 5);
    assert.deepEqual(itemIds(diagnostics, 'jfp.duty.missing'), missing);
    await client.close(uri);
  });
});
