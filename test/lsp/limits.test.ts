import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GUARD_ARGS, guardRecord } from '../guarded.js';
import { assertInside, recordFigures } from '../fuzz.js';
import { hasCode, itemIds } from './fixtures.js';
import { TestClient } from './lspClient.js';

const PLAN_HEAD = '---\nplan: joint-forward-plan\n---\n\n# Our Joint Forward Plan\n\n';

describe('limits: large, binary and many files', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-limits-'))));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('a plan above the configured size gets one information diagnostic; raising the setting analyses it without a restart', async () => {
    const settings: Record<string, unknown> = { analysis: { debounceMs: 0, maxFileSizeMB: 0.01 } };
    const client = new TestClient({ workspaceFolder: folder, settings });
    await client.initialize();
    const text = PLAN_HEAD + '## Integration\n\nWe will work with partners on integration.\n\n'.repeat(300);
    assert.ok(text.length > 0.01 * 1024 * 1024);
    const uri = await client.open(path.join(folder, 'big-forward-plan.md'), text);
    const skipped = await client.diagnosticsAt(uri, 1);
    assert.deepEqual(skipped.map((d) => [d.code, d.severity]), [['jfp.file.too-large', 3]]);
    assert.match(String(skipped[0]!.message), /larger than 10 KB/);
    settings.analysis = { debounceMs: 0, maxFileSizeMB: 1 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const full = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === 'jfp.file.too-large'));
    assert.ok(full.diagnostics.some((d) => hasCode(d, 'jfp.duty.missing')));
    assert.equal(await client.stop(), 0);
  });

  it('a binary plan file gets one information diagnostic and no analysis; once it is text again it is analysed', async () => {
    const client = new TestClient({ workspaceFolder: folder, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    const uri = await client.open(path.join(folder, 'binary-forward-plan.md'), 'PK\u0003\u0004\u0000\u0000\u0014\u0000word/document.xml\u0000\u0000');
    const skipped = await client.diagnosticsAt(uri, 1);
    assert.deepEqual(skipped.map((d) => [d.code, d.severity]), [['jfp.file.binary', 3]]);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
    const version = await client.change(uri, [{ text: PLAN_HEAD + '## Integration\n\nText.\n' }]);
    const full = await client.diagnosticsAt(uri, version);
    assert.ok(full.length > 1 && !full.some((d) => d.code === 'jfp.file.binary'));
    assert.equal(await client.stop(), 0);
  });

  it('a chapter file on disk above the configured size is not read as part of the plan; raising the setting brings it in', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-disk-limit-'));
    try {
      fs.mkdirSync(path.join(ws, 'jfp'));
      const main = path.join(ws, 'our-forward-plan.md');
      fs.writeFileSync(main, PLAN_HEAD + '## Integration\n\nText.\n');
      const chapter = '<!-- jfp: area-workforce -->\n## Our workforce\n\n' + 'We will grow our workforce through recruitment, retention and training.\n\n'.repeat(200);
      assert.ok(chapter.length > 0.01 * 1024 * 1024);
      fs.writeFileSync(path.join(ws, 'jfp', 'workforce.md'), chapter);
      const settings: Record<string, unknown> = { analysis: { debounceMs: 0, maxFileSizeMB: 0.01 } };
      const client = new TestClient({ workspaceFolder: ws, settings });
      await client.initialize();
      const uri = await client.open(main);
      await client.diagnosticsAt(uri, 1);
      const statusOf = async () => {
        const result = await client.request<{ items: { id: string; status: string }[] }>('jfp/coverage', { uri });
        return result.items.find((i) => i.id === 'area-workforce')?.status;
      };
      assert.equal(await statusOf(), 'missing');
      settings.analysis = { debounceMs: 0, maxFileSizeMB: 1 };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => itemIds([d], 'jfp.duty.missing').includes('area-workforce')));
      assert.notEqual(await statusOf(), 'missing');
      assert.equal(await client.stop(), 0);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a document with 50 000 headings is analysed, with every range inside it, and requests are answered', async () => {
    const client = new TestClient({ workspaceFolder: folder, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    const text = PLAN_HEAD + Array.from({ length: 50_000 }, (_, i) => `## Heading ${i}\n\nText.\n`).join('\n');
    const uri = await client.open(path.join(folder, 'headings-forward-plan.md'), text);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    for (const d of diagnostics) assertInside(text, d.range, String(d.code));
    const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(Array.isArray(lenses));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 100_000, character: 3 } });
    recordFigures('headings', { headings: 50_000, diagnostics: diagnostics.length });
    assert.equal(await client.stop(), 0);
  });

  it('a workspace of 2 000 Markdown files with 3 plans: only the plans are read in full; the others only up to their front matter', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-many-'));
    try {
      const note = '# A note\n\n' + 'Minutes of a meeting about integration and workforce. '.repeat(400) + '\n';
      for (let i = 0; i < 1997; i++) {
        const dir = path.join(ws, `team-${i % 20}`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `note-${i}.md`), note);
      }
      const plans = [path.join(ws, 'our-forward-plan.md'), path.join(ws, 'jfp', 'chapter.md'), path.join(ws, 'team-3', 'declared.md')];
      fs.mkdirSync(path.join(ws, 'jfp'));
      fs.writeFileSync(plans[0]!, PLAN_HEAD + '## Integration\n\nText.\n');
      fs.writeFileSync(plans[1]!, '## Workforce\n\nOur people.\n');
      fs.writeFileSync(plans[2]!, '---\nplan: joint-forward-plan\n---\n\n## Finance\n\nMoney.\n');
      const client = new TestClient({ workspaceFolder: ws, nodeArgs: GUARD_ARGS, settings: { analysis: { debounceMs: 0 } } });
      await client.initialize();
      const uri = await client.open(plans[0]!);
      await client.diagnosticsAt(uri, 1);
      const coverage = await client.request<{ documents?: unknown[] } & Record<string, unknown>>('jfp/coverage', { uri });
      assert.ok(coverage);
      assert.equal(await client.stop(), 0);
      const { violations, reads } = guardRecord(client.stderr);
      assert.deepEqual(violations, []);
      const notes = Object.entries(reads).filter(([f]) => f.startsWith(ws) && path.basename(f).startsWith('note-'));
      assert.ok(notes.length > 1900, `the scan looked at the notes (${notes.length})`);
      const worst = Math.max(...notes.map(([, n]) => n));
      assert.ok(worst <= 4096, `a non-plan file was read beyond its first 4 KB (${worst} bytes of ${note.length})`);
      for (const plan of plans.slice(1)) assert.ok((reads[plan] ?? 0) >= fs.statSync(plan).size, `plan file read in full: ${plan}`);
      recordFigures('workspace', { markdownFiles: 2000, plans: 3, nonPlanBytesReadMax: worst, nonPlanFileSize: note.length });
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
