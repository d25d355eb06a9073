import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/analysis/data/config.js';
import { ROOT } from '../helpers.js';

/** Flattens the schema's properties into setting names: readability.maxSentenceWords etc. */
function schemaSettings(schema: { properties: Record<string, { type?: string; properties?: Record<string, { default?: unknown }>; default?: unknown }> }) {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(schema.properties)) {
    if (key === '$schema') continue;
    if (value.type === 'object' && value.properties) {
      for (const [sub, v] of Object.entries(value.properties)) out.set(`${key}.${sub}`, v.default);
    } else {
      out.set(key, value.default);
    }
  }
  return out;
}

describe('configuration schema and VS Code settings', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'config.schema.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const settings = pkg.contributes.configuration.properties as Record<string, { default?: unknown }>;

  it('package.json contributes one jfp.* setting per configuration key, with the same default', () => {
    const fromSchema = schemaSettings(schema);
    // Read by jfp-check only (the address reports link rule pages to): no editor setting.
    fromSchema.delete('docsUrl');
    const fromPackage = new Map(Object.entries(settings).filter(([k]) => k !== 'jfp.trace.server').map(([k, v]) => [k.replace(/^jfp\./, ''), v.default]));
    assert.deepEqual([...fromPackage.keys()].sort(), [...fromSchema.keys()].sort());
    for (const [key, value] of fromSchema) assert.deepEqual(fromPackage.get(key), value, key);
  });

  it('the schema defaults are the defaults the code uses', () => {
    const fromSchema = schemaSettings(schema);
    for (const [key, value] of fromSchema) {
      const [top, sub] = key.split('.') as [keyof typeof DEFAULT_CONFIG, string | undefined];
      const actual = sub ? (DEFAULT_CONFIG[top] as unknown as Record<string, unknown>)[sub] : DEFAULT_CONFIG[top];
      assert.deepEqual(actual, value, key);
    }
  });

  it('contributes the schema for .jfp.json files', () => {
    assert.ok(pkg.contributes.jsonValidation.some((j: { fileMatch: string; url: string }) => j.fileMatch === '.jfp.json' && j.url === './schemas/config.schema.json'));
  });
});
