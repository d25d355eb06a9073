import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { IncrementalParser } from '../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../server/src/analysis/model/markdown.js';
import { finish } from '../../server/src/analysis/steps.js';

/** Every node's position, in tree order: what a later parse must not move when its steps are left unfinished. */
function positions(root: Root): string {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    const p = node.position;
    out.push(p ? `${p.start.line}:${p.start.offset}-${p.end.line}:${p.end.offset}` : '-');
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out.join(' ');
}

/** Runs `n` steps of a generator; true when it finished. */
function run(steps: Generator<void, Root>, n: number): boolean {
  for (let i = 0; i < n; i++) if (steps.next().done) return true;
  return false;
}

const PLAN = '# A\n\nOne [x] and[^1].\n\n## B\n\nTwo.\n\n## C\n\nThree.\n\n## D\n\n[x]: http://e.org\n[^1]: Note.\n';

describe('incremental parsing in steps', function () {
  this.timeout(180_000);

  it('takes one step per chunk parsed afresh, and gives what parse() gives', () => {
    const steps = new IncrementalParser().parseSteps(PLAN);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.equal(yields, 4, 'four chunks, each parsed once (their definitions come first, from the end)');
    assert.deepEqual(step.value, parseMarkdown(PLAN));
  });

  it('changes nothing, neither the parser nor the last tree, until its last step', () => {
    const parser = new IncrementalParser();
    const first = parser.parse(PLAN);
    const before = positions(first);
    // Text typed in the first chunk moves every later one; the steps stop before the end.
    const edited = 'Typed.\n\n' + PLAN;
    const steps = parser.parseSteps(edited);
    assert.equal(run(steps, 1), false);
    assert.equal(positions(first), before, 'the tree requests read is where it was');
    // The next version is parsed as if the unfinished steps had never run.
    const next = PLAN.replace('Three.', 'Three!');
    assert.deepEqual(parser.parse(next), parseMarkdown(next));
    assert.equal(parser.lastParsed, 1, 'only the edited chunk: the others were still cached');
  });

  it('parses its text straight through at the end when the parser parsed another in between', () => {
    const parser = new IncrementalParser();
    parser.parse(PLAN);
    const a = PLAN.replace('One', 'Once').replace('Three.', 'Three!');
    const steps = parser.parseSteps(a);
    assert.equal(run(steps, 1), false);
    const b = PLAN.replace('Two.', 'Two and more.\n\n## Inserted\n\nText.');
    assert.deepEqual(parser.parse(b), parseMarkdown(b));
    assert.deepEqual(finish(steps), parseMarkdown(a));
    const c = a.replace('[x]: http://e.org\n', '');
    assert.deepEqual(parser.parse(c), parseMarkdown(c));
  });

  it('after any mix of finished, unfinished and interleaved steps, each result equals a full parse', () => {
    const piece = fc.constantFrom('# T\n', '## S\n', '### U\n', 'Prose.\n', '\n', '[x]\n', '[x]: /a\n', '[^1]\n', '[^1]: N.\n', '```\n', '<!--\n', '-->\n', '- item\n');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    // Each version: how many of its steps run before the next version comes (undefined: all).
    const version = fc.record({ text, stop: fc.option(fc.nat({ max: 4 }), { nil: undefined }), interleave: fc.boolean() });
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), (versions) => {
        const parser = new IncrementalParser();
        let paused: { steps: Generator<void, Root>; text: string } | undefined;
        for (const v of versions) {
          if (v.stop === undefined) assert.deepEqual(parser.parse(v.text), parseMarkdown(v.text));
          else {
            const steps = parser.parseSteps(v.text);
            if (run(steps, v.stop)) continue;
            // Left paused; finished later, after another version, when `interleave`.
            if (v.interleave) paused = { steps, text: v.text };
          }
          if (paused && v.stop === undefined) {
            assert.deepEqual(finish(paused.steps), parseMarkdown(paused.text));
            paused = undefined;
          }
        }
        const last = versions.at(-1)!.text + '\nEnd.\n';
        assert.deepEqual(parser.parse(last), parseMarkdown(last));
      }),
      { numRuns: 150 },
    );
  });
});
