import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, mergeConfig, parseConfig } from '../../server/src/analysis/data/config.js';
import { RULE_CODES } from '../../server/src/analysis/rules/index.js';

const parse = (text: string) => parseConfig(text, RULE_CODES);

describe('config (.jfp.json)', () => {
  it('reads a valid configuration, allowing comments', () => {
    const { config, problems } = parse('{\n  // our boards\n  "healthAndWellbeingBoards": ["Vale County"],\n  "rules": { "jfp.element.missing": "off" },\n  "mode": "summary"\n}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.healthAndWellbeingBoards, ['Vale County']);
    assert.equal(config.mode, 'summary');
  });

  it('reports invalid JSON at its position and keeps nothing', () => {
    const { config, problems } = parse('{\n  "mode": "full",\n  "rules": {\n}');
    assert.deepEqual(config, {});
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /Not valid JSON/);
    assert.equal(problems[0]!.range.start.line, 3);
  });

  it('reports a schema violation on the offending value and keeps the valid rest', () => {
    const text = '{\n  "mode": "draft",\n  "healthAndWellbeingBoards": ["Vale"]\n}';
    const { config, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.range.start.line, 1);
    assert.match(problems[0]!.message, /"mode"/);
    assert.equal(config.mode, undefined);
    assert.deepEqual(config.healthAndWellbeingBoards, ['Vale']);
  });

  it('reports an unknown setting and an unknown rule code', () => {
    const { problems } = parse('{\n  "colour": "red",\n  "rules": { "jfp.duty.mising": "off" }\n}');
    assert.ok(problems.some((p) => /"colour" is not a known setting/.test(p.message) && p.range.start.line === 1));
    const unknown = problems.find((p) => /Unknown rule code "jfp.duty.mising"/.test(p.message))!;
    assert.equal(unknown.severity, 'warning');
    assert.equal(unknown.range.start.line, 2);
  });

  it('rejects a level that does not exist', () => {
    const { problems } = parse('{ "rules": { "jfp.duty.missing": "loud" } }');
    assert.equal(problems.length, 1);
  });

  it('merges defaults, settings and the project file, the file winning, and records sources', () => {
    const { config, sources } = mergeConfig({ mode: 'summary', files: DEFAULT_CONFIG.files, readability: { maxSentenceWords: 40, smogThreshold: 14 } }, { mode: 'full', healthAndWellbeingBoards: ['A'] });
    assert.equal(config.mode, 'full');
    assert.equal(sources.mode, '.jfp.json');
    assert.equal(sources.files, 'default', 'a setting equal to its default counts as the default');
    assert.equal(config.readability.maxSentenceWords, 40);
    assert.equal(sources.readability, 'settings');
    assert.equal(sources.healthAndWellbeingBoards, '.jfp.json');
    assert.equal(sources.analysis, 'default');
  });
});
