/**
 * Hostile configuration: a .jfp.json or catalogue too large or nested too deep is refused
 * with one diagnostic on the file, never a crash; thousands of problems are listed as a
 * readable hundred and a count; globs cannot be made to backtrack.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { parseConfig } from '../../../server/src/analysis/data/config.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { compileGlob } from '../../../server/src/analysis/data/glob.js';
import { MAX_CONFIG_CHARS, MAX_JSON_DEPTH, MAX_LISTED_PROBLEMS } from '../../../server/src/analysis/data/jsonText.js';
import { planPathMatcher } from '../../../server/src/analysis/data/planFiles.js';
import { RULE_CODES } from '../../../server/src/analysis/rules/index.js';
import { buildCatalogue, type FileProblems } from '../../../server/src/host/projectConfig.js';
import { seeded } from './generators.js';

describe('hostile: configuration', () => {
  it('refuses a deeply nested .jfp.json with one problem where the nesting goes too deep', () => {
    for (const text of ['{"files": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), '['.repeat(200_000)]) {
      const { config, problems } = parseConfig(text, RULE_CODES);
      assert.deepEqual(config, {});
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
      assert.equal(problems[0]!.range.start.line, 0);
    }
  });

  it('does not count brackets inside strings or comments', () => {
    const { config, problems } = parseConfig(`// ${'['.repeat(100)}\n{ /* ${'{'.repeat(100)} */ "files": ["${'['.repeat(100)}x.md"] }`, RULE_CODES);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.files, ['['.repeat(100) + 'x.md']);
  });

  it('refuses a .jfp.json over the size limit', () => {
    const { config, problems } = parseConfig('{"files": ["' + 'a'.repeat(MAX_CONFIG_CHARS) + '"]}', RULE_CODES);
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /over the limit of 1024 KB/);
  });

  it('lists at most a hundred problems and counts the rest, keeping what is valid', () => {
    const rules = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`jfp.no-such-${String.fromCharCode(97 + (i % 26))}${'x'.repeat(i % 7)}-${i.toString(36).replace(/\d/g, 'z')}`, 'off']));
    const text = JSON.stringify({ mode: 'summary', rules, files: Array.from({ length: 3000 }, () => 7) });
    const { config, problems } = parseConfig(text, RULE_CODES);
    assert.equal(config.mode, 'summary');
    assert.equal(problems.length, MAX_LISTED_PROBLEMS + 1);
    assert.match(problems[MAX_LISTED_PROBLEMS]!.message, /more problems in this configuration are not listed/);
  });

  it('limits the plan globs (at most 64, each at most 256 characters)', () => {
    const many = parseConfig(JSON.stringify({ files: Array.from({ length: 65 }, (_, i) => `${i}.md`) }), RULE_CODES);
    assert.equal(many.config.files, undefined);
    assert.match(many.problems[0]!.message, /"files"/);
    const long = parseConfig(JSON.stringify({ files: ['*'.repeat(257)] }), RULE_CODES);
    assert.equal(long.config.files, undefined);
  });

  it('refuses a deeply nested extra catalogue on the catalogue and on the .jfp.json entry', () => {
    const folder = 'file:///ws';
    const problems: FileProblems = new Map();
    const configs = [{ folder, layer: { catalogues: [{ path: 'deep.json' }] }, text: '{ "catalogues": [ { "path": "deep.json" } ] }' }];
    const catalogue = buildCatalogue(getDefaultCatalogue(), configs, problems, new Map([['file:///ws/deep.json', '{"items": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}']]));
    assert.equal(catalogue, getDefaultCatalogue());
    assert.match(problems.get('file:///ws/deep.json')![0]!.message, /nested more than/);
    const onEntry = problems.get('file:///ws/.jfp.json')![0]!;
    assert.match(onEntry.message, /"deep.json" is not read/);
    assert.equal(onEntry.range.start.character, 28);
  });
});

describe('hostile: globs match in linear time, as the usual glob libraries do', () => {
  it('agrees with picomatch on 4 000 seeded patterns and paths', () => {
    const random = seeded(20261203);
    const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
    const PARTS = ['a', 'b', '.', '/', '*', '**/', '?', '[ab]', '[!a]x', '{a,b}', '{a,b/c}', '**', '[a-b]', 'A'];
    let compared = 0;
    while (compared < 4000) {
      const glob = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(PARTS)).join('');
      const file = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(['a', 'b', '.', '/', 'c', 'x'])).join('');
      // Leave out shapes the libraries disagree on among themselves (empty, `.` and `..` names, leading or trailing slashes, `!` classes).
      if (/\/\/|^\/|\/$|(^|\/)\.\.?(\/|$)/.test(file) || /\/\/|^\/|\/$|\[!/.test(glob)) continue;
      // `**` inside a name is read differently by each library (here: as `*`).
      if (glob.split('/').some((segment) => segment.includes('**') && segment !== '**')) continue;
      compared++;
      assert.equal(compileGlob(glob)(file), picomatch(glob, { nocase: true, dot: false })(file), `${glob} on ${file}`);
    }
  });

  it('matches the default plan globs and negated and bracketed patterns', () => {
    const isPlan = planPathMatcher(['**/*forward-plan*.md', '**/jfp/**/*.md']);
    assert.ok(isPlan('Our-Forward-Plan-2026.md'));
    assert.ok(isPlan('docs/plans/our-forward-plan.md'));
    assert.ok(isPlan('jfp/chapters/one.md'));
    assert.ok(!isPlan('.hidden/our-forward-plan.md'));
    assert.ok(!isPlan('notes.md'));
    assert.ok(compileGlob('[!a]x.md')('bx.md'));
    assert.ok(!compileGlob('[!a]x.md')('ax.md'));
    assert.ok(compileGlob('!drafts/**')('final/plan.md'));
    assert.ok(!compileGlob('!drafts/**')('drafts/plan.md'));
  });

  it('answers at once for patterns built to make a backtracking matcher explode', () => {
    // As a regular expression, each of these takes time exponential in its stars on a near miss.
    for (const glob of ['*a'.repeat(120) + 'b', '{a,a}'.repeat(60) + 'b', '**/'.repeat(80) + '*a*a*a*b', '?*'.repeat(120) + 'b']) {
      assert.equal(compileGlob(glob)('a'.repeat(240)), false);
      assert.equal(compileGlob(glob)('a/'.repeat(120) + 'c'), false);
    }
  });
});
