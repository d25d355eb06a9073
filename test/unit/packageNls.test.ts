/**
 * Every user-facing string of the manifest is localisable: each %key% in package.json has
 * an English text in package.nls.json, and package.nls.json has no unused keys.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every %key% placeholder in a JSON value. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) found.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholders(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholders(v, found);
  }
  return found;
}

describe('package.nls.json', () => {
  const manifest = JSON.parse(read('package.json')) as { displayName: string; contributes: { commands: { title: string; category?: string }[] } };
  const nls = JSON.parse(read('package.nls.json')) as Record<string, unknown>;
  const used = placeholders(manifest);

  it('has a text for every %key% in package.json', () => {
    assert.ok(used.size > 20, `only ${used.size} placeholders`);
    assert.deepEqual([...used].filter((k) => !(k in nls)).sort(), []);
  });

  it('has no key that package.json does not use, and only non-empty texts', () => {
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)).sort(), []);
    for (const [k, v] of Object.entries(nls)) assert.ok(typeof v === 'string' && v.trim() !== '', k);
  });

  it('leaves no literal command title, and puts every command in the JFP category', () => {
    assert.match(manifest.displayName, /^%.+%$/);
    for (const c of manifest.contributes.commands) {
      assert.match(c.title, /^%.+%$/, c.title);
      assert.equal(c.category, 'JFP', c.title);
    }
  });
});
