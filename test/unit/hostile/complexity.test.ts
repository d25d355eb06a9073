/**
 * Complexity: every analysis stage, on every hostile shape, does about 8 times the work on a
 * text 8 times larger. Work is counted, not timed: the JavaScript blocks each stage runs
 * (operations.ts), at n and 8n, divided by the input's length. The count is exact, so the
 * same code gives the same ratios on an idle or a busy machine: a linear stage shows about 1
 * (less, where a fixed cost is spread wider), a quadratic one about 8. CPU time is taken
 * alongside and printed as a secondary figure, never asserted. JFP_HOSTILE_SCALE (e.g. 4)
 * runs larger sizes.
 */
import * as assert from 'node:assert/strict';
import { analyseDocument, analysePlan } from '../../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../../server/src/analysis/model/markdown.js';
import { recordFigures } from '../../fuzz.js';
import { frontMatterKeys, HOSTILE, mix, ordinary, PLAN_HEAD, type Generator } from './generators.js';
import { operations, startCounting, stopCounting } from './operations.js';

const SCALE = Math.max(1, Number(process.env.JFP_HOSTILE_SCALE ?? 1));
const N = 32 * SCALE;
/** Allowed growth of counted work per character from n to 8n. A linear stage shows about 1, a quadratic one about 8; counts do not vary with load, so the bound can be tight. */
export const MAX_GROWTH = 2;

const catalogue = getDefaultCatalogue();
const index = indexCatalogue(catalogue);
const URI = 'file:///hostile/plan.md';

type Stages = Record<string, (input: string) => unknown>;

/** The stages of the analysis of a document, each including those before it (the plan model is part of the third). */
const DOCUMENT_STAGES: Stages = {
  parse: (text) => parseMarkdown(text),
  incremental: (text) => new IncrementalParser().parse(text),
  'terms and mappings': (text) => analyseDocument(URI, text, index),
  'coverage and rules': (text) => analysePlan([analyseDocument(URI, text, index)], catalogue).findings.get(URI),
};

const figures: Record<string, number> = {};
const cpuFigures: Record<string, number> = {};

/** Work per unit of input at 8n over that at n, counted; and the same in CPU time (secondary). */
function growthOf(run: (input: string) => unknown, small: string, large: string): { blocks: number; cpu: number } {
  run(small); // warm caches up (compiled patterns, catalogue indexes), so both sizes are measured alike
  const a = operations(() => run(small));
  const b = operations(() => run(large));
  const ratio = large.length / small.length;
  return { blocks: b.blocks / a.blocks / ratio, cpu: Math.max(b.cpu, 1) / Math.max(a.cpu, 1) / ratio };
}

/** One test: every stage on a shape at n and 8n. */
export function growth(name: string, stages: Stages, generate: (n: number) => string): void {
  it(name, function () {
    this.timeout(120_000);
    const small = generate(N);
    const large = generate(8 * N);
    assert.ok(large.length >= 5 * small.length, `the generator grows its input (${small.length} -> ${large.length})`);
    for (const [stage, run] of Object.entries(stages)) {
      const g = growthOf(run, small, large);
      figures[`${name} / ${stage}`] = Math.round(g.blocks * 100) / 100;
      cpuFigures[`${name} / ${stage}`] = Math.round(g.cpu * 100) / 100;
      assert.ok(g.blocks <= MAX_GROWTH, `${stage}: counted work per character grew ${g.blocks.toFixed(2)}-fold from ${small.length} to ${large.length} characters (at most ${MAX_GROWTH})`);
    }
  });
}

const inPlan = (generate: Generator) => (n: number) => PLAN_HEAD + generate(n);

describe('hostile: complexity of every analysis stage, at n and 8n (counted work)', () => {
  before(function () {
    this.timeout(120_000);
    startCounting();
    // Warm every stage up once, so the first shape does not pay for one-time set-up.
    for (const run of Object.values(DOCUMENT_STAGES)) run(PLAN_HEAD + ordinary(8 * N));
  });
  after(() => {
    stopCounting();
    const ratios = Object.values(figures).sort((a, b) => a - b);
    const cpu = Object.entries(cpuFigures).sort((a, b) => b[1] - a[1]);
    // Secondary, never asserted: CPU time varies with the machine's load.
    console.log(`    counted growth: worst ${ratios[ratios.length - 1]}, median ${ratios[ratios.length >> 1]} over ${ratios.length} shape/stage pairs; largest CPU-time growth (not asserted): ${cpu.slice(0, 3).map(([k, v]) => `${k} ${v}`).join('; ')}`);
    recordFigures('complexity', { shapes: Object.keys(HOSTILE).length + 3, stages: Object.keys(DOCUMENT_STAGES).length, n: N, measure: 'JavaScript blocks run (V8 block coverage)', maxGrowth: MAX_GROWTH, worstGrowth: ratios[ratios.length - 1] ?? 0, medianGrowth: ratios[ratios.length >> 1] ?? 0, worstCpuGrowth: cpu[0]?.[1] ?? 0 });
  });

  it('the count sees a quadratic stage (so these tests can fail)', () => {
    // The accidental quadratic this guards against: each line's number found by counting from the start.
    const lineNumbers = (text: string) => {
      let found = 0;
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') for (let j = 0; j < i; j++) if (text[j] === '\n') found++;
      return found;
    };
    const shape = inPlan(HOSTILE['many headings']!);
    const quadratic = growthOf((text) => [parseMarkdown(text), lineNumbers(text)], shape(N), shape(8 * N)).blocks;
    const linear = growthOf(parseMarkdown, shape(N), shape(8 * N)).blocks;
    figures.selfCheckQuadratic = Math.round(quadratic * 100) / 100;
    assert.ok(quadratic > MAX_GROWTH, `a quadratic stage grew ${quadratic.toFixed(2)}-fold (more than ${MAX_GROWTH} expected)`);
    assert.ok(linear <= MAX_GROWTH, `the same stage without the quadratic loop grew ${linear.toFixed(2)}-fold`);
    delete figures.selfCheckQuadratic;
  });

  growth('ordinary plan text', DOCUMENT_STAGES, inPlan(ordinary));
  for (const [name, generate] of Object.entries(HOSTILE)) growth(name, DOCUMENT_STAGES, inPlan(generate));
  growth('front matter with many keys', DOCUMENT_STAGES, frontMatterKeys);
  growth('a seeded mixture of every shape', DOCUMENT_STAGES, inPlan(mix(20261203)));
});
