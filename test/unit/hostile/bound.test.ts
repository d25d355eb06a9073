import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundMarkdown, MAX_BRACKET_SPAN, MAX_INLINE, MAX_NESTING } from '../../../server/src/analysis/model/bound.js';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown, simplifiedIn } from '../../../server/src/analysis/model/markdown.js';
import { MAX_FRONT_MATTER_CHARS } from '../../../server/src/analysis/model/frontMatter.js';
import { parsePlan } from '../../../server/src/analysis/model/plan.js';
import { ROOT } from '../../helpers.js';
import { HOSTILE, PLAN_HEAD } from './generators.js';

describe('hostile: bounding what the parser sees', () => {
  it('passes ordinary plans through unchanged (the same string)', () => {
    for (const file of ['examples/wessex-vale-joint-forward-plan.md', ...fs.readdirSync(path.join(ROOT, 'test/fixtures/workspace')).filter((f) => f.endsWith('.md')).map((f) => `test/fixtures/workspace/${f}`)]) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const bounded = boundMarkdown(text);
      assert.equal(bounded.text, text, file);
      assert.deepEqual(bounded.simplified, [], file);
    }
  });

  it('keeps every offset: only characters past a budget change, each to a no-break space', () => {
    for (const [name, generate] of Object.entries(HOSTILE)) {
      const text = PLAN_HEAD + generate(64);
      const { text: out } = boundMarkdown(text);
      assert.equal(out.length, text.length, name);
      for (let i = 0; i < text.length; i++) if (out[i] !== text[i]) assert.equal(out[i], '\u00a0', `${name} at ${i}`);
    }
  });

  it('caps nesting at the budget and reads deeper markers as text', () => {
    const root = parseMarkdown('> '.repeat(MAX_NESTING * 4) + 'deep\n');
    let depth = 0;
    for (let node: { type: string; children?: unknown[] } = root; node.children?.[0]; node = node.children[0] as typeof node) if (node.type === 'blockquote') depth++;
    assert.ok(depth >= 24 && depth <= MAX_NESTING, `depth ${depth}`);
    assert.deepEqual(simplifiedIn(root).map((s) => s.kind), ['nesting']);
  });

  it('counts inline openers per paragraph, so many short paragraphs are never simplified', () => {
    const many = Array.from({ length: 200 }, () => '[a](b) *c* `d` <!-- e -->').join('\n\n');
    assert.deepEqual(boundMarkdown(many).simplified, []);
    const one = Array.from({ length: MAX_INLINE * 2 }, () => '[a](b)').join(' ');
    assert.deepEqual(boundMarkdown(one).simplified.map((s) => s.kind), ['inline']);
    assert.deepEqual(boundMarkdown('[' + 'x '.repeat(MAX_BRACKET_SPAN)).simplified.map((s) => s.kind), ['inline']);
    // Code fences and front matter are left alone.
    assert.deepEqual(boundMarkdown('```\n' + '[['.repeat(500) + '\n```\n').simplified, []);
    assert.deepEqual(boundMarkdown('---\ntags: ' + '[a]'.repeat(500) + '\n---\n').simplified, []);
  });

  it('gives the incremental parser the same simplifications as a whole parse', () => {
    const text = PLAN_HEAD + 'Intro.\n\n## A\n\n' + '> '.repeat(200) + 'x\n\n## B\n\n' + '*a '.repeat(200) + '\n';
    const whole = simplifiedIn(parseMarkdown(text));
    const parser = new IncrementalParser();
    parser.parse(text.replace('Intro.', 'Introduction.'));
    assert.deepEqual(simplifiedIn(parser.parse(text)), whole);
    assert.equal(whole.length, 2);
  });

  it('does not read front matter over the budget, and reads the last of duplicate keys', () => {
    const fm = (yaml: string) => parsePlan(`---\n${yaml}---\n\n# P\n`).frontMatter!;
    assert.equal(fm('k: v\n'.repeat(MAX_FRONT_MATTER_CHARS / 4)).tooLarge, true);
    assert.deepEqual(fm('plan: a\nplan: joint-forward-plan\n').data, { plan: 'joint-forward-plan' });
    assert.ok(fm('a:\n  ' + '['.repeat(5000) + '\n').error);
  });
});
