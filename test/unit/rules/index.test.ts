import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES, RULES } from '../../../server/src/analysis/rules/index.js';
import { ROOT } from '../../helpers.js';

describe('rule registry', () => {
  it('has unique codes', () => {
    assert.equal(new Set(RULE_CODES).size, RULE_CODES.length);
  });

  it('documents every code: a page under docs/rules and a row in the README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${rule.code}.md`)), `docs/rules/${rule.code}.md`);
      assert.ok(readme.includes(`\`${rule.code}\``), `README mentions ${rule.code}`);
    }
  });

  it('has a test file for every rule file', () => {
    const dir = path.join(ROOT, 'server', 'src', 'analysis', 'rules');
    const grouping = new Set(['index.ts', 'rule.ts', 'authoring.ts', 'process.ts', 'style.ts', 'styleData.ts']);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !grouping.has(f))) {
      assert.ok(fs.existsSync(path.join(ROOT, 'test', 'unit', 'rules', file.replace(/\.ts$/, '.test.ts'))), `test for ${file}`);
    }
  });
});
