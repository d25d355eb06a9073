/**
 * Complexity: every analysis stage, on every hostile shape, does about 8 times the work on a
 * text 8 times larger. Work is counted, not timed: the JavaScript blocks each stage runs
 * (operations.ts), at n and 8n, divided by the input's length. Counts do not depend on the
 * machine's load, so the bound can be tight: a linear stage shows about 1 (less, where a
 * fixed cost is spread wider), a quadratic one about 8. The counting runs in a process of its
 * own (complexityRun.ts). CPU time is taken alongside and printed as a secondary figure, never
 * asserted. JFP_HOSTILE_SCALE (e.g. 4) runs larger sizes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recordFigures } from '../../fuzz.js';
import { CONFIGS, GLOBS, HOSTILE } from './generators.js';
import type { Growth } from './complexityRun.js';

const SCALE = Math.max(1, Number(process.env.JFP_HOSTILE_SCALE ?? 1));
const N = 32 * SCALE;
/** Allowed growth of counted work per character from n to 8n. */
export const MAX_GROWTH = 2;

const SHAPES = ['ordinary plan text', ...Object.keys(HOSTILE), 'front matter with many keys', 'a seeded mixture of every shape', ...Object.keys(CONFIGS).map((k) => `.jfp.json: ${k}`), ...Object.keys(GLOBS).map((k) => `glob: ${k}`)];

describe('hostile: complexity of every analysis stage, at n and 8n (counted work)', () => {
  let results: Growth[] = [];
  before(function () {
    this.timeout(600_000);
    const script = fileURLToPath(new URL('./complexityRun.js', import.meta.url));
    results = JSON.parse(execFileSync(process.execPath, [script, String(N)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as Growth[];
  });
  after(() => {
    const measured = results.filter((r) => !r.shape.startsWith('self-check'));
    const ratios = measured.map((r) => r.blocks).sort((a, b) => a - b);
    const cpu = [...measured].sort((a, b) => b.cpu - a.cpu);
    const round = (x: number | undefined) => Math.round((x ?? 0) * 100) / 100;
    // Secondary, never asserted: CPU time varies with the machine's load.
    console.log(`    counted growth: worst ${round(ratios[ratios.length - 1])}, median ${round(ratios[ratios.length >> 1])} over ${ratios.length} shape/stage pairs; largest CPU-time growth (not asserted): ${cpu.slice(0, 3).map((r) => `${r.shape} / ${r.stage} ${round(r.cpu)}`).join('; ')}`);
    const selfCheck = results.find((r) => r.stage === 'parse with a quadratic loop');
    recordFigures('complexity', { shapes: SHAPES.length, pairs: ratios.length, n: N, measure: 'JavaScript blocks run (V8 block coverage)', maxGrowth: MAX_GROWTH, worstGrowth: round(ratios[ratios.length - 1]), medianGrowth: round(ratios[ratios.length >> 1]), quadraticSelfCheck: round(selfCheck?.blocks), worstCpuGrowth: round(cpu[0]?.cpu) });
  });

  it('the count sees a quadratic stage (so these tests can fail)', () => {
    const quadratic = results.find((r) => r.stage === 'parse with a quadratic loop')!;
    const linear = results.find((r) => r.shape === 'self-check: many headings' && r.stage === 'parse')!;
    assert.ok(quadratic.blocks > MAX_GROWTH, `a quadratic stage grew ${quadratic.blocks.toFixed(2)}-fold (more than ${MAX_GROWTH} expected)`);
    assert.ok(linear.blocks <= MAX_GROWTH, `the same stage without the quadratic loop grew ${linear.blocks.toFixed(2)}-fold`);
  });

  for (const shape of SHAPES) {
    it(shape, () => {
      const rows = results.filter((r) => r.shape === shape);
      assert.ok(rows.length > 0, `measured ${shape}`);
      for (const r of rows) {
        assert.ok(r.large >= 5 * r.small, `the generator grows its input (${r.small} -> ${r.large})`);
        assert.ok(r.blocks <= MAX_GROWTH, `${r.stage}: counted work per character grew ${r.blocks.toFixed(2)}-fold from ${r.small} to ${r.large} characters (at most ${MAX_GROWTH})`);
      }
    });
  }
});
