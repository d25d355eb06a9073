import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CONFIG_KEYS, DEFAULT_CONFIG } from '../../../server/src/analysis/data/config.js';
import { VERSION } from '../../../server/src/host/version.js';
import { settingsLayer } from '../../../server/src/lsp/settings.js';

describe('lsp/settings', () => {
  it('takes every configuration key from the editor settings, and nothing else', () => {
    const raw = { ...DEFAULT_CONFIG, trace: { server: 'verbose' } };
    assert.deepEqual(Object.keys(settingsLayer(raw)).sort(), [...CONFIG_KEYS].sort());
  });

  it('drops invalid values, so the defaults apply', () => {
    assert.deepEqual(settingsLayer({ mode: 'draft', files: ['**/*.md'] }), { files: ['**/*.md'] });
    assert.deepEqual(settingsLayer(undefined), {});
  });

  it('the version shown by the server and the CLI is the package version', () => {
    assert.equal(VERSION, (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
