/**
 * The measuring side of complexity.test.ts, run in a process of its own: V8 counts the
 * blocks of a function only if counting started before the function was compiled, so this
 * script starts counting first and only then loads the analysis. It prints, as JSON, the
 * counted (and, secondary, the timed) growth of every stage on every shape at n and 8n.
 */
import { CONFIGS, frontMatterKeys, GLOBS, HOSTILE, mix, ordinary, PLAN_HEAD, type Generator } from './generators.js';
import { operations, startCounting } from './operations.js';

startCounting();

const { analyseDocument, analysePlan } = await import('../../../server/src/analysis/analyse.js');
const { getDefaultCatalogue } = await import('../../../server/src/analysis/data/catalogue.js');
const { indexCatalogue } = await import('../../../server/src/analysis/data/catalogueIndex.js');
const { IncrementalParser } = await import('../../../server/src/analysis/model/incremental.js');
const { parseMarkdown } = await import('../../../server/src/analysis/model/markdown.js');
const { parseConfig } = await import('../../../server/src/analysis/data/config.js');
const { compileGlob } = await import('../../../server/src/analysis/data/glob.js');
const { RULE_CODES } = await import('../../../server/src/analysis/rules/index.js');

export interface Growth {
  shape: string;
  stage: string;
  small: number;
  large: number;
  /** Counted work per character at 8n over that at n. */
  blocks: number;
  /** The same in CPU time: secondary, never asserted. */
  cpu: number;
}

const N = Number(process.argv[2] ?? 32);
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
/** A .jfp.json read: parsed, checked against the schema, problems placed. */
const CONFIG_STAGES: Stages = { configuration: (text) => parseConfig(text, RULE_CODES) };
/** A glob compiled and matched against a path ("pattern\npath"). */
const GLOB_STAGES: Stages = {
  'glob match': (input) => {
    const cut = input.indexOf('\n');
    return compileGlob(input.slice(0, cut))(input.slice(cut + 1));
  },
};

/** Work per unit of input at 8n over that at n, counted; and the same in CPU time (secondary). */
function growthOf(run: (input: string) => unknown, small: string, large: string, warm: string): { blocks: number; cpu: number } {
  // Warm up (compiled patterns, catalogue indexes) on a third text of the same shape: warming up
  // on `small` itself would let caches keyed by text (a section's evidence) answer its measured
  // run, so only `large` would be counted in full and the growth overstated.
  run(warm);
  const a = operations(() => run(small));
  const b = operations(() => run(large));
  const ratio = large.length / small.length;
  return { blocks: b.blocks / a.blocks / ratio, cpu: Math.max(b.cpu, 1) / Math.max(a.cpu, 1) / ratio };
}

const out: Growth[] = [];
function measure(shape: string, stages: Stages, generate: (n: number) => string): void {
  const small = generate(N);
  const large = generate(8 * N);
  const warm = generate(N >> 1);
  for (const [stage, run] of Object.entries(stages)) out.push({ shape, stage, small: small.length, large: large.length, ...growthOf(run, small, large, warm) });
}

const inPlan = (generate: Generator) => (n: number) => PLAN_HEAD + generate(n);
// Warm every stage up once, so the first shape does not pay for one-time set-up.
for (const run of Object.values(DOCUMENT_STAGES)) run(PLAN_HEAD + ordinary(8 * N));

// The self-check: the accidental quadratic this guards against, each line's number found by counting from the start.
const lineNumbers = (text: string) => {
  let found = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') for (let j = 0; j < i; j++) if (text[j] === '\n') found++;
  return found;
};
measure('self-check: many headings', { 'parse with a quadratic loop': (text) => [parseMarkdown(text), lineNumbers(text)], parse: parseMarkdown }, inPlan(HOSTILE['many headings']!));

measure('ordinary plan text', DOCUMENT_STAGES, inPlan(ordinary));
for (const [name, generate] of Object.entries(HOSTILE)) measure(name, DOCUMENT_STAGES, inPlan(generate));
measure('front matter with many keys', DOCUMENT_STAGES, frontMatterKeys);
measure('a seeded mixture of every shape', DOCUMENT_STAGES, inPlan(mix(20261203)));
for (const [name, generate] of Object.entries(CONFIGS)) measure(`.jfp.json: ${name}`, CONFIG_STAGES, generate);
for (const [name, generate] of Object.entries(GLOBS)) measure(`glob: ${name}`, GLOB_STAGES, generate);

process.stdout.write(JSON.stringify(out));
