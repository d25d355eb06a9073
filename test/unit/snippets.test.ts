import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { snippetsFile } from '../../server/src/analysis/snippets.js';
import { ROOT } from '../helpers.js';

describe('snippets', () => {
  it('snippets/jfp.code-snippets matches the catalogue (run `npm run snippets` after changing it)', () => {
    const onDisk = fs.readFileSync(path.join(ROOT, 'snippets', 'jfp.code-snippets'), 'utf8');
    assert.equal(onDisk, snippetsFile(getDefaultCatalogue()));
  });

  it('has one snippet per catalogue item, each mapping its section', () => {
    const snippets = JSON.parse(snippetsFile(getDefaultCatalogue())) as Record<string, { body: string[] }>;
    const catalogue = getDefaultCatalogue();
    assert.equal(Object.keys(snippets).length, catalogue.items.length);
    for (const item of catalogue.items) {
      const s = snippets[`JFP section: ${item.heading}`];
      assert.ok(s?.body.includes(`<!-- jfp: ${item.id} -->`), item.id);
    }
  });
});
