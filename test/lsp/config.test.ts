import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DRAFT, hasCode } from './fixtures.js';
import { TestClient } from './lspClient.js';

describe('LSP project configuration (.jfp.json)', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-lsp-config-'));
    fs.copyFileSync(DRAFT, path.join(dir, 'draft-forward-plan.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));

  async function withClient(run: (client: TestClient, planUri: string) => Promise<void>, settings: Record<string, unknown> = {}): Promise<void> {
    const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 }, ...settings } });
    try {
      await client.initialize();
      const uri = await client.open(path.join(dir, 'draft-forward-plan.md'));
      await run(client, uri);
    } finally {
      await client.stop();
    }
  }

  it('reports an invalid .jfp.json on that file and carries on with defaults', async () => {
    fs.writeFileSync(path.join(dir, '.jfp.json'), '{\n  "mode": "draft",\n  "rules": { "jfp.duty.missing": "off" }\n}');
    await withClient(async (client, uri) => {
      const configUri = pathToFileURL(path.join(dir, '.jfp.json')).href;
      const published = await client.diagnosticsFor(configUri);
      assert.equal(published.diagnostics.length, 1);
      assert.equal(published.diagnostics[0]!.code, 'jfp.config.invalid');
      assert.equal(published.diagnostics[0]!.range.start.line, 1);
      // The valid part still applies: missing duties are switched off.
      const diagnostics = await client.diagnosticsAt(uri, 1);
      assert.ok(diagnostics.length > 0);
      assert.ok(!diagnostics.some((d) => hasCode(d, 'jfp.duty.missing')));
    });
  });

  it('lets .jfp.json take precedence over editor settings, and says where each value came from', async () => {
    fs.writeFileSync(path.join(dir, '.jfp.json'), JSON.stringify({ rules: { 'jfp.tag.unknown': 'warning' }, healthAndWellbeingBoards: ['Vale County'] }));
    await withClient(
      async (client, uri) => {
        const diagnostics = await client.diagnosticsAt(uri, 1);
        const unknown = diagnostics.find((d) => d.code === 'jfp.tag.unknown')!;
        assert.equal(unknown.severity, 2, 'the file says warning, the settings say hint');
        assert.ok(!diagnostics.some((d) => d.code === 'jfp.element.missing'), 'settings still apply where the file is silent');
        const effective = await client.request<{ config: Record<string, unknown>; sources: Record<string, string> }>('workspace/executeCommand', { command: 'jfp.server.effectiveConfig', arguments: [uri] });
        assert.equal(effective.sources.rules, '.jfp.json');
        assert.equal(effective.sources.mode, 'default');
        assert.deepEqual(effective.config.healthAndWellbeingBoards, ['Vale County']);
      },
      { rules: { 'jfp.tag.unknown': 'hint', 'jfp.element.missing': 'off' } },
    );
  });
});
