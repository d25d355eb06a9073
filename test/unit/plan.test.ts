import * as assert from 'node:assert/strict';
import { parsePlan, sectionAt, subtree } from '../../server/src/analysis/model/plan.js';
import { md } from '../helpers.js';

describe('parsePlan', () => {
  const text = md(
    '---',
    'plan: joint-forward-plan',
    'title: Test plan',
    '---',
    'Intro text.',
    '',
    '# Our plan',
    '',
    '## Integration',
    '',
    '<!-- jfp: duty-integration -->',
    'Text with `net zero` in code.',
    '',
    '### Housing',
    '',
    'More.',
    '',
    '## Climate',
    '',
    '```',
    'net zero',
    '```',
  );
  const plan = parsePlan(text);

  it('reads the front matter', () => {
    assert.equal(plan.frontMatter?.data.plan, 'joint-forward-plan');
    assert.equal(plan.frontMatter?.error, undefined);
  });

  it('places each front matter value where it is written, quotes in and comments out, with either line ending', () => {
    for (const eol of ['\n', '\r\n']) {
      const t = ['---', 'plan: joint-forward-plan', 'period: "2026/27 to 2030/31"  # five years', 'notes:', '  - a list', '---', '# T'].join(eol);
      const fields = parsePlan(t).frontMatter!.fields;
      const at = (key: string) => {
        const f = fields.get(key);
        return f && t.slice(f.start, f.end);
      };
      assert.equal(at('plan'), 'joint-forward-plan');
      assert.equal(at('period'), '"2026/27 to 2030/31"');
      assert.equal(at('notes'), undefined, 'only plain values have a place');
    }
    assert.deepEqual([...parsePlan('---\nplan: [unclosed\n---\n').frontMatter!.fields], []);
  });

  it('builds the heading tree with ranges', () => {
    assert.deepEqual(
      plan.sections.map((s) => [s.heading, s.depth, s.parent]),
      [
        ['', 0, undefined],
        ['Our plan', 1, undefined],
        ['Integration', 2, 1],
        ['Housing', 3, 2],
        ['Climate', 2, 1],
      ],
    );
    const integration = plan.sections[2]!;
    assert.ok(text.slice(integration.start, integration.end).startsWith('## Integration'));
    assert.ok(text.slice(integration.start, integration.treeEnd).includes('### Housing'));
    assert.ok(!text.slice(integration.start, integration.treeEnd).includes('## Climate'));
    assert.deepEqual(
      subtree(plan.sections, 2).map((s) => s.heading),
      ['Integration', 'Housing'],
    );
    assert.equal(sectionAt(plan.sections, text.indexOf('More.')), 3);
    assert.equal(sectionAt(plan.sections, text.indexOf('Intro')), 0);
  });

  it('takes the title from the first level-1 heading', () => {
    assert.equal(plan.title?.text, 'Our plan');
  });

  it('finds jfp comments with their section', () => {
    assert.equal(plan.tags.length, 1);
    assert.equal(plan.tags[0]!.section, 2);
  });

  it('excludes code, HTML and front matter from evidence', () => {
    const inExcluded = (offset: number) => plan.excluded.some(([s, e]) => s <= offset && offset < e);
    assert.ok(inExcluded(text.indexOf('net zero')));
    assert.ok(inExcluded(text.lastIndexOf('net zero')));
    assert.ok(inExcluded(text.indexOf('jfp:')));
    assert.ok(inExcluded(text.indexOf('plan: joint')));
    assert.ok(!inExcluded(text.indexOf('More.')));
  });

  it('excludes link targets but keeps link text', () => {
    const p = parsePlan('See [our Green Plan](https://example.org/net-zero) today.');
    const t = p.text;
    const inExcluded = (offset: number) => p.excluded.some(([s, e]) => s <= offset && offset < e);
    assert.ok(!inExcluded(t.indexOf('Green Plan')));
    assert.ok(inExcluded(t.indexOf('net-zero')));
  });

  it('reports unreadable front matter without throwing', () => {
    const p = parsePlan('---\nplan: [unclosed\n---\n# T\n');
    assert.ok(p.frontMatter?.error);
    assert.deepEqual(p.frontMatter?.data, {});
  });

  it('copes with empty, binary-looking and unterminated input', () => {
    for (const input of ['', '\u0000\u0001', '---\nplan: x', '```\nunclosed', '#', '<!-- jfp: ']) {
      const p = parsePlan(input);
      assert.ok(p.sections.length >= 1);
    }
  });
});
