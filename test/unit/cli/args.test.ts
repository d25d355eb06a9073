import * as assert from 'node:assert/strict';
import { parseArgs, USAGE, type Args } from '../../../server/src/cli/args.js';
import { UsageError } from '../../../server/src/host/planInput.js';

const DEFAULTS: Args = { format: 'text', baseline: [], failOn: 'missing-statutory', quiet: false, paths: [] };

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, `${String(e)} is a UsageError`);
    return e.message;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

describe('jfp-check arguments', () => {
  it('gives the defaults for a bare path', () => {
    assert.deepEqual(parseArgs(['plan.md']), { ...DEFAULTS, paths: ['plan.md'] });
  });

  it('reads every option, with its value after a space or an equals sign', () => {
    assert.deepEqual(
      parseArgs(['--format', 'sarif', '--output=out.sarif', '--fail-on', 'missing-any', '--config=c.json', '--quiet', 'a.md', 'plans/']),
      { format: 'sarif', output: 'out.sarif', failOn: 'missing-any', config: 'c.json', quiet: true, baseline: [], paths: ['a.md', 'plans/'] },
    );
    assert.equal((parseArgs(['-q', 'a.md']) as Args).quiet, true);
    assert.equal(parseArgs(['-qh']), 'help', 'short options combine, as in other tools');
  });

  it('takes --baseline more than once, in order', () => {
    assert.deepEqual((parseArgs(['--baseline', 'old/a.md', '--baseline=old/b.md', 'new/']) as Args).baseline, ['old/a.md', 'old/b.md']);
  });

  it('takes a value that starts with a dash, and "-" as a path', () => {
    assert.equal((parseArgs(['--output', '-report.txt', 'a.md']) as Args).output, '-report.txt');
    assert.deepEqual((parseArgs(['-']) as Args).paths, ['-']);
  });

  it('treats everything after -- as a path', () => {
    assert.deepEqual((parseArgs(['--quiet', '--', '--format', '-h']) as Args).paths, ['--format', '-h']);
  });

  it('answers help and version at the point they are read', () => {
    assert.equal(parseArgs(['--help']), 'help');
    assert.equal(parseArgs(['-h', '--bogus']), 'help');
    assert.equal(parseArgs(['a.md', '--version']), 'version');
    assert.equal(usageError(['--bogus', '--help']), 'unknown option "--bogus"');
  });

  it('names what is wrong with the arguments', () => {
    for (const [argv, message] of [
      [[], 'no PATH given'],
      [['--quiet'], 'no PATH given'],
      [['--format', 'xml', 'a.md'], 'unknown format "xml" (use text, json, annex, sarif, junit, html, docx, docx-annex)'],
      [['--format='], 'unknown format "" (use text, json, annex, sarif, junit, html, docx, docx-annex)'],
      [['--fail-on', 'sometimes', 'a.md'], 'unknown --fail-on "sometimes" (use missing-statutory, missing-any, never)'],
      [['--bogus', 'a.md'], 'unknown option "--bogus"'],
      [['-x', 'a.md'], 'unknown option "-x"'],
      [['--quiet=yes', 'a.md'], 'unknown option "--quiet=yes"'],
      [['--help=me'], 'unknown option "--help=me"'],
      [['a.md', '--output'], '--output needs a value'],
      [['a.md', '--baseline'], '--baseline needs a value'],
    ] as const) {
      assert.equal(usageError([...argv]), message, argv.join(' '));
    }
  });

  it('documents every option in the help text', () => {
    for (const option of ['--format FORMAT', '--output FILE', '--baseline PATH', '--fail-on WHEN', '--quiet', '--config FILE', '-h, --help', '--version']) {
      assert.ok(USAGE.includes(`  ${option} `) || USAGE.includes(`  ${option}\n`), option);
    }
    assert.match(USAGE, /^Exit status: 0 when the gate passes, 1 when it fails, 2 on a usage or input error\.$/m);
  });
});
