/**
 * Complexity: every analysis stage, on every hostile shape, does about 8 times the work on a
 * text 8 times larger. Work is this process's CPU time measured in this run, at n and 8n, as
 * the best of a few repetitions, divided by the text's length; only the growth of that work
 * per character is asserted, never a duration. A linear stage shows about 1, a quadratic one
 * about 8. JFP_HOSTILE_SCALE (e.g. 4) runs larger sizes.
 */
import * as assert from 'node:assert/strict';
import { analyseDocument, analysePlan } from '../../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../../server/src/analysis/model/markdown.js';
import { recordFigures } from '../../fuzz.js';
import { frontMatterKeys, HOSTILE, mix, ordinary, PLAN_HEAD, type Generator } from './generators.js';

const SCALE = Math.max(1, Number(process.env.JFP_HOSTILE_SCALE ?? 1));
const N = 32 * SCALE;
/** Allowed growth of work per character from n to 8n: none; 4 leaves room for a shared, noisy machine while a quadratic stage shows about 8. */
const MAX_GROWTH = 4;

const catalogue = getDefaultCatalogue();
const index = indexCatalogue(catalogue);
const URI = 'file:///hostile/plan.md';

/** The stages of the analysis, each including those before it (the plan model is part of the third). */
const STAGES: Record<string, (text: string) => unknown> = {
  parse: (text) => parseMarkdown(text),
  incremental: (text) => new IncrementalParser().parse(text),
  'terms and mappings': (text) => analyseDocument(URI, text, index),
  'coverage and rules': (text) => analysePlan([analyseDocument(URI, text, index)], catalogue).findings.get(URI),
};

/** Best CPU time of a few runs of fn, in microseconds (at least 20 ms of runs, at most 6 runs). */
function work(fn: () => unknown): number {
  let best = Infinity;
  let total = 0;
  for (let i = 0; i < 6 && (i < 2 || total < 20_000); i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    const t = d.user + d.system;
    total += t;
    best = Math.min(best, t);
  }
  return Math.max(best, 50);
}

const figures: Record<string, number> = {};

function growth(name: string, generate: Generator, head = PLAN_HEAD): void {
  it(name, function () {
    this.timeout(120_000);
    const small = head + generate(N);
    const large = head + generate(8 * N);
    assert.ok(large.length >= 5 * small.length, `the generator grows its text (${small.length} -> ${large.length})`);
    for (const [stage, run] of Object.entries(STAGES)) {
      run(small); // warm up
      // A busy shared machine can stretch one measurement (garbage collection, the other core's load):
      // measure again, up to three times, and keep the smallest growth. A quadratic stage grows ~8-fold every time.
      let growth = Infinity;
      for (let attempt = 0; attempt < 3 && growth > MAX_GROWTH; attempt++) {
        growth = Math.min(growth, work(() => run(large)) / large.length / (work(() => run(small)) / small.length));
      }
      figures[`${name} / ${stage}`] = Math.round(growth * 100) / 100;
      assert.ok(growth <= MAX_GROWTH, `${stage}: work per character grew ${growth.toFixed(1)}-fold from ${small.length} to ${large.length} characters (at most ${MAX_GROWTH})`);
    }
  });
}

describe('hostile: complexity of every analysis stage, at n and 8n', () => {
  before(() => {
    // Warm every stage up once, so the first shape does not pay for compilation.
    for (const run of Object.values(STAGES)) run(PLAN_HEAD + ordinary(8 * N));
  });
  after(() => {
    const ratios = Object.values(figures);
    recordFigures('complexity', { shapes: Object.keys(HOSTILE).length + 3, stages: Object.keys(STAGES).length, n: N, worstGrowth: Math.max(...ratios), medianGrowth: ratios.sort((a, b) => a - b)[ratios.length >> 1] ?? 0 });
  });

  growth('ordinary plan text', ordinary);
  for (const [name, generate] of Object.entries(HOSTILE)) growth(name, generate);
  growth('front matter with many keys', frontMatterKeys, '');
  growth('a seeded mixture of every shape', mix(20261203));
});
