import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';
import { DRAFT, EXAMPLE } from './fixtures.js';
import { TestClient } from './lspClient.js';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** The same file, checked by jfp-check and by the language server, gives the same diagnostics. */
describe('CLI and editor parity', () => {
  for (const source of [EXAMPLE, DRAFT]) {
    it(`gives the same diagnostics for ${path.basename(source)}`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-parity-'));
      const file = path.join(dir, path.basename(source));
      fs.copyFileSync(source, file);
      const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 } } });
      try {
        const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), '--format', 'json', file], { encoding: 'utf8', cwd: dir });
        assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
        const fromCli = (JSON.parse(cli.stdout) as { diagnostics: { line: number; column: number; severity: string; code: string; message: string }[] }).diagnostics
          .map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)
          .sort();
        await client.initialize();
        const uri = await client.open(file);
        const fromServer = (await client.diagnosticsAt(uri, 1)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${String(d.code)} ${String(d.message)}`).sort();
        assert.ok(fromCli.length > 0);
        assert.deepEqual(fromServer, fromCli);
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true });
      }
    });
  }
});
