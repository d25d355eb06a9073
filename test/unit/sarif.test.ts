import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { run } from '../../server/src/cli/cli.js';
import { RULE_CODES } from '../../server/src/analysis/rules/index.js';
import { fixturePath, ROOT } from '../helpers.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

function sarifOf(file: string): { code: number; log: SarifLog; text: string } {
  let out = '';
  const code = run(['--format', 'sarif', '--quiet', path.relative(ROOT, file)], (s) => (out += s), () => undefined);
  return { code, log: JSON.parse(out) as SarifLog, text: out };
}

describe('SARIF report', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'data', 'sarif-2.1.0.schema.json'), 'utf8')) as object;
  const validator = new Validator(schema, '4', false);

  for (const file of [fixturePath('workspace', 'draft-forward-plan.md'), path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md')]) {
    it(`is valid SARIF 2.1.0 for ${path.basename(file)}`, () => {
      const { log } = sarifOf(file);
      const result = validator.validate(log);
      assert.ok(result.valid, JSON.stringify(result.errors.slice(-5), null, 2));
      assert.equal(log.version, '2.1.0');
    });
  }

  it('the schema check itself rejects a broken log', () => {
    assert.equal(validator.validate({ version: '2.1.0' }).valid, false, 'runs is required');
    assert.equal(validator.validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'loud' }] }] }).valid, false);
  });

  it('has one rule per diagnostic code with help and a link, and 1-based relative locations', () => {
    const { log, code } = sarifOf(fixturePath('workspace', 'draft-forward-plan.md'));
    assert.equal(code, 1, 'the gate still fails on a missing statutory item');
    const rules = log.runs[0]!.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [...RULE_CODES]);
    for (const r of rules) {
      assert.match(r.helpUri, new RegExp(`^file:.*/docs/rules/${r.id.replace(/\./g, '\\.')}\\.md$`));
      assert.ok(r.help.text.length > 10);
      assert.ok(r.help.markdown.startsWith(`# ${r.id}`), `the help of ${r.id} is its docs page`);
    }
    const missing = log.runs[0]!.results.find((r) => r.ruleId === 'jfp.plan.summary')!;
    assert.equal(rules[missing.ruleIndex]!.id, 'jfp.plan.summary');
    assert.equal(missing.level, 'warning');
    const loc = missing.locations[0]!.physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'test/fixtures/workspace/draft-forward-plan.md', uriBaseId: '%SRCROOT%' });
    assert.equal(loc.region.startLine, 8);
    assert.equal(loc.region.startColumn, 1);
  });
});
