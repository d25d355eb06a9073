import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturePath } from '../helpers.js';
import { DRAFT, hasCode } from './fixtures.js';
import { TestClient } from './lspClient.js';

const mini = () => JSON.parse(fs.readFileSync(fixturePath('mini-catalogue.json'), 'utf8')) as { items: Record<string, unknown>[] };

interface Case {
  name: string;
  files: Record<string, string>;
  /** File (relative) that must carry a jfp.config.invalid diagnostic, its 0-based line, and a pattern for the message. */
  expect: { file: string; line: number; message: RegExp }[];
}

const CASES: Case[] = [
  { name: 'invalid JSON', files: { '.jfp.json': '{\n  "mode": "full",\n  "rules": { oops }\n}' }, expect: [{ file: '.jfp.json', line: 2, message: /Not valid JSON/ }] },
  { name: 'a schema violation', files: { '.jfp.json': '{\n  "readability": {\n    "maxSentenceWords": 2\n  }\n}' }, expect: [{ file: '.jfp.json', line: 2, message: /maxSentenceWords|minimum|5/ }] },
  { name: 'a size limit out of range', files: { '.jfp.json': '{\n  "analysis": { "maxFileSizeMB": -1 }\n}' }, expect: [{ file: '.jfp.json', line: 1, message: /maxFileSizeMB|minimum/ }] },
  { name: 'an unknown rule code', files: { '.jfp.json': '{\n  "rules": {\n    "jfp.no.such-rule": "off"\n  }\n}' }, expect: [{ file: '.jfp.json', line: 2, message: /Unknown rule code "jfp.no.such-rule"/ }] },
  { name: 'a missing extra catalogue', files: { '.jfp.json': '{\n  "catalogues": [\n    { "path": "missing.json" }\n  ]\n}' }, expect: [{ file: '.jfp.json', line: 2, message: /Cannot read the catalogue "missing.json": ENOENT/ }] },
  { name: 'an unreadable extra catalogue (a folder)', files: { '.jfp.json': '{\n  "catalogues": [\n    { "path": "folder.json" }\n  ]\n}', 'folder.json/keep': '' }, expect: [{ file: '.jfp.json', line: 2, message: /Cannot read the catalogue "folder.json": (EISDIR|not a regular file)/ }] },
  {
    name: 'a catalogue with duplicate ids',
    files: {
      '.jfp.json': '{\n  "catalogues": [{ "path": "dup.json" }]\n}',
      'dup.json': (() => {
        const c = mini();
        c.items[1]!.id = c.items[0]!.id;
        return JSON.stringify(c, null, 2);
      })(),
    },
    expect: [
      { file: '.jfp.json', line: 1, message: /"dup.json" has 1 problem/ },
      { file: 'dup.json', line: -1, message: /duplicate item id/ },
    ],
  },
];

describe('bad configuration: a precise diagnostic, and the server carries on with defaults', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-bad-config-'));
    fs.copyFileSync(DRAFT, path.join(dir, 'draft-forward-plan.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const c of CASES) {
    it(c.name, async () => {
      for (const [name, text] of Object.entries(c.files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 } } });
      await client.initialize();
      const uri = await client.open(path.join(dir, 'draft-forward-plan.md'));
      for (const e of c.expect) {
        const file = path.join(dir, e.file);
        const published = await client.diagnosticsFor(pathToFileURL(file).href);
        const match = published.diagnostics.find((d) => e.message.test(String(d.message)));
        assert.ok(match, `${e.file}: ${published.diagnostics.map((d) => d.message).join(' / ')}`);
        assert.equal(match.code, 'jfp.config.invalid');
        // line -1: the second item's id (the duplicate).
        const dupId = `"id": ${JSON.stringify(mini().items[0]!.id)}`;
        const expectedLine = e.line >= 0 ? e.line : fs.readFileSync(file, 'utf8').split('\n').map((l) => l.includes(dupId)).lastIndexOf(true);
        assert.equal(match.range.start.line, expectedLine, `${e.file}: the diagnostic is at the offending place`);
      }
      // The plan is still checked with the built-in catalogue and defaults.
      const diagnostics = await client.diagnosticsAt(uri, 1);
      assert.ok(diagnostics.some((d) => hasCode(d, 'jfp.duty.missing')));
      assert.equal(await client.stop(), 0);
    });
  }

  it('settings changes take effect without a restart, and invalid settings fall back to the defaults', async () => {
    const settings: Record<string, unknown> = { analysis: { debounceMs: 0 } };
    const client = new TestClient({ workspaceFolder: dir, settings });
    await client.initialize();
    const uri = await client.open(path.join(dir, 'draft-forward-plan.md'));
    const before = await client.diagnosticsAt(uri, 1);
    assert.ok(before.some((d) => hasCode(d, 'jfp.duty.missing')));
    Object.assign(settings, { rules: { 'jfp.duty.missing': 'off' } });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => hasCode(d, 'jfp.duty.missing')));
    Object.assign(settings, { rules: { 'jfp.duty.missing': 'loud' }, mode: 42, analysis: { debounceMs: 'soon' } });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const back = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => hasCode(d, 'jfp.duty.missing')));
    assert.equal(back.diagnostics.find((d) => hasCode(d, 'jfp.duty.missing'))!.severity, before.find((d) => hasCode(d, 'jfp.duty.missing'))!.severity);
    assert.equal(await client.stop(), 0);
  });
});
