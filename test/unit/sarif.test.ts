import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { run } from '../../server/src/cli/cli.js';
import { RULE_CODES } from '../../server/src/analysis/rules/index.js';
import { docsUrlProblem, packageDocsUrl, ruleUrl } from '../../server/src/formats/docsUrl.js';
import { fixturePath, ROOT } from '../helpers.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

function sarifOf(file: string, options: string[] = []): { code: number; log: SarifLog; text: string } {
  let out = '';
  const code = run(['--format', 'sarif', '--quiet', ...options, path.relative(ROOT, file)], (s) => (out += s), () => undefined);
  return { code, log: JSON.parse(out) as SarifLog, text: out };
}

describe('docs URL (formats/docsUrl)', () => {
  it('derives the rule pages from package.json repository or homepage, in the forms npm accepts', () => {
    const page = 'https://github.com/o/r/blob/HEAD/docs/rules/';
    for (const repository of ['https://github.com/o/r.git', 'git+https://github.com/o/r.git', 'git@github.com:o/r.git', 'git+ssh://git@github.com/o/r.git', 'github:o/r', 'o/r', { type: 'git', url: 'https://github.com/o/r' }]) {
      assert.equal(packageDocsUrl({ repository }), page, JSON.stringify(repository));
    }
    assert.equal(packageDocsUrl({ homepage: 'https://github.com/o/r#readme' }), page);
    assert.equal(packageDocsUrl({ repository: 'https://gitlab.com/g/p.git' }), 'https://gitlab.com/g/p/-/blob/HEAD/docs/rules/');
    assert.equal(packageDocsUrl({ repository: 'file:///home/me/repo' }), undefined, 'never a local path');
    assert.equal(packageDocsUrl({ homepage: 'https://example.org' }), undefined, 'a home page that is not a known repository host has no rule pages');
    assert.equal(packageDocsUrl({}), undefined);
  });

  it('fills a template or adds CODE.md to a base, and accepts only web addresses', () => {
    assert.equal(ruleUrl('https://x.org/rules/', 'jfp.tag.unknown'), 'https://x.org/rules/jfp.tag.unknown.md');
    assert.equal(ruleUrl('https://x.org/rules', 'jfp.tag.unknown'), 'https://x.org/rules/jfp.tag.unknown.md');
    assert.equal(ruleUrl('https://x.org/r/{code}.html', 'jfp.tag.unknown'), 'https://x.org/r/jfp.tag.unknown.html');
    assert.equal(docsUrlProblem('https://x.org/r/{code}.html'), undefined);
    assert.match(docsUrlProblem('file:///srv/docs/')!, /not a web address/);
    assert.match(docsUrlProblem('docs/rules/')!, /not a web address/);
  });
});

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

  it('links rules to the docs URL given by --docs-url, else .jfp.json "docsUrl"; a local path is refused', () => {
    const given = sarifOf(fixturePath('workspace', 'draft-forward-plan.md'), ['--docs-url', 'https://docs.example.org/jfp/{code}.html']);
    assert.ok(validator.validate(given.log).valid);
    assert.equal(given.log.runs[0]!.tool.driver.rules[0]!.helpUri, `https://docs.example.org/jfp/${RULE_CODES[0]}.html`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-docs-url-'));
    try {
      const config = path.join(dir, '.jfp.json');
      fs.writeFileSync(config, JSON.stringify({ docsUrl: 'https://intranet.example.org/jfp/rules/' }));
      const fromConfig = sarifOf(fixturePath('workspace', 'draft-forward-plan.md'), ['--config', config]);
      assert.equal(fromConfig.log.runs[0]!.tool.driver.rules[0]!.helpUri, `https://intranet.example.org/jfp/rules/${RULE_CODES[0]}.md`);
      const both = sarifOf(fixturePath('workspace', 'draft-forward-plan.md'), ['--config', config, '--docs-url', 'https://cli.example.org/']);
      assert.equal(both.log.runs[0]!.tool.driver.rules[0]!.helpUri, `https://cli.example.org/${RULE_CODES[0]}.md`, 'the option wins');
      fs.writeFileSync(config, JSON.stringify({ docsUrl: '/srv/docs/rules/' }));
      let err = '';
      assert.equal(run(['--format', 'sarif', '--config', config, 'test/fixtures/workspace/'], () => undefined, (s) => (err += s)), 2);
      assert.match(err, /jfp\.config\.invalid "docsUrl"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    let err = '';
    assert.equal(run(['--format', 'sarif', '--docs-url', 'C:\\docs\\rules', 'test/fixtures/workspace/'], () => undefined, (s) => (err += s)), 2);
    assert.match(err, /--docs-url: "C:\\docs\\rules" is not a web address/);
  });

  it('states how the coverage percentage counts partly covered items', () => {
    const { text } = sarifOf(fixturePath('workspace', 'draft-forward-plan.md'));
    assert.match(text, /"percentCounting": "The percentage counts addressed and waived items in full and partly covered items as half\."/);
  });

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
      assert.equal(r.helpUri, `https://github.com/jfp-assist/jfp-assist/blob/HEAD/docs/rules/${r.id}.md`, 'the public page, from package.json repository');
      assert.ok(r.help.text.length > 10);
      assert.ok(r.help.markdown.startsWith(`# ${r.id}`), `the help of ${r.id} is its docs page`);
      assert.doesNotMatch(r.help.markdown, /\]\((?!https?:|#)/, `the links in the help of ${r.id} are absolute`);
    }
    assert.doesNotMatch(JSON.stringify(log), /file:\/|\/work\/|\\\\/, 'no local file path anywhere');
    const missing = log.runs[0]!.results.find((r) => r.ruleId === 'jfp.plan.summary')!;
    assert.equal(rules[missing.ruleIndex]!.id, 'jfp.plan.summary');
    assert.equal(missing.level, 'warning');
    const loc = missing.locations[0]!.physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'test/fixtures/workspace/draft-forward-plan.md', uriBaseId: '%SRCROOT%' });
    assert.equal(loc.region.startLine, 8);
    assert.equal(loc.region.startColumn, 1);
  });
});
