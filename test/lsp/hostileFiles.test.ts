/**
 * Configuration that points where it must not: an extra catalogue that is a FIFO (reading
 * one with no writer blocks for ever), a device that never ends, or a file outside the
 * workspace, directly or through a symbolic link. Each is refused with a diagnostic on the
 * .jfp.json entry, nothing is read, and the plan is still checked. A .jfp.json that is itself
 * such a link is not read, with a diagnostic on it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lspClient.js';

const PLAN = '---\nplan: joint-forward-plan\n---\n\n# Our Joint Forward Plan\n\n## Integration\n\nText.\n';

describe('hostile: catalogue paths that must not be read', function () {
  this.timeout(60_000);
  let root: string;
  let dir: string;
  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-hostile-files-'));
    dir = path.join(root, 'ws');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'our-forward-plan.md'), PLAN);
    fs.writeFileSync(path.join(root, 'outside.json'), '{"items": []}');
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    // Links inside the workspace that lead out of it: to a file, and to a folder.
    fs.symlinkSync(path.join(root, 'outside.json'), path.join(dir, 'link.json'));
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.writeFileSync(path.join(root, 'elsewhere', 'catalogue.json'), '{"items": []}');
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(dir, 'linked-folder'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const CASES: [string, string, RegExp][] = [
    ['a FIFO', 'fifo.json', /not a regular file/],
    ['a device that never ends', '/dev/zero', /not a regular file|outside the workspace/],
    ['a file outside the workspace, by a relative path', '../outside.json', /outside the workspace/],
    ['a file outside the workspace, by an absolute path', '__ROOT__/outside.json', /outside the workspace/],
    ['a symbolic link to a file outside the workspace', 'link.json', /symbolic link .*outside the workspace/],
    ['a file in a linked folder outside the workspace', 'linked-folder/catalogue.json', /symbolic link .*outside the workspace/],
  ];

  for (const [name, entry, message] of CASES) {
    it(`${name} is refused on the .jfp.json entry, and the plan is still checked`, async () => {
      const config = path.join(dir, '.jfp.json');
      fs.writeFileSync(config, `{\n  "catalogues": [\n    { "path": ${JSON.stringify(entry.replace('__ROOT__', root))} }\n  ]\n}`);
      const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 } } });
      await client.initialize();
      const uri = await client.open(path.join(dir, 'our-forward-plan.md'));
      const published = await client.diagnosticsFor(pathToFileURL(config).href);
      const match = published.diagnostics.find((d) => message.test(String(d.message)));
      assert.ok(match, published.diagnostics.map((d) => d.message).join(' / '));
      assert.equal(match.range.start.line, 2);
      assert.ok((await client.diagnosticsAt(uri, 1)).some((d) => d.code === 'jfp.plan.summary' && /statutory items not covered/.test(String(d.message))), 'the plan is checked with the built-in catalogue');
      assert.equal(client.exited, false);
      assert.equal(await client.stop(), 0);
    });
  }

  it('a .jfp.json that is a link to a file outside the workspace is not read, with a diagnostic on it', async () => {
    // Were it read, its invalid "mode" would be reported instead.
    fs.writeFileSync(path.join(root, 'settings.json'), '{ "mode": 3 }');
    const config = path.join(dir, '.jfp.json');
    fs.symlinkSync(path.join(root, 'settings.json'), config);
    const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    const uri = await client.open(path.join(dir, 'our-forward-plan.md'));
    const published = await client.diagnosticsFor(pathToFileURL(config).href);
    assert.deepEqual(
      published.diagnostics.map((d) => d.message),
      ['This .jfp.json is a link to a file outside the workspace folder, so it is not read. The default settings are used.'],
    );
    assert.ok((await client.diagnosticsAt(uri, 1)).some((d) => d.code === 'jfp.plan.summary'), 'the plan is checked with the defaults');
    assert.equal(await client.stop(), 0);
  });
});
