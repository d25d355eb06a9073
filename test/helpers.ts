import * as fs from 'node:fs';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { analysePlan, analyseText, type AnalysisOptions, type PlanAnalysis } from '../server/src/analysis/analyse.js';
import { getDefaultCatalogue, loadCatalogue, type IndexedCatalogue } from '../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../server/src/analysis/data/catalogueIndex.js';
import { DEFAULT_CONFIG } from '../server/src/analysis/data/config.js';
import { analyseDocument, type DocumentAnalysis } from '../server/src/analysis/model/document.js';
import { analysisOptions } from '../server/src/analysis/planOptions.js';
import { hasCode, type Finding, type FindingCode } from '../server/src/analysis/rules/findings.js';
import { run } from '../server/src/cli/cli.js';
import { pathToUri } from '../server/src/host/uri.js';
import { TermMatcher } from '../server/src/analysis/text/terms.js';

export const ROOT = process.cwd();

export function fixturePath(...parts: string[]): string {
  return path.join(ROOT, 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(fixturePath(...parts), 'utf8');
}

let mini: IndexedCatalogue | undefined;

/** A four-item catalogue whose terms the unit tests control. */
export function miniCatalogue(): IndexedCatalogue {
  mini ??= loadCatalogue(JSON.parse(readFixture('mini-catalogue.json')), 'test catalogue');
  return mini;
}

/** The URI analyseMini gives its one document. */
export const MINI_URI = 'file:///plan.md';

export function analyseMini(text: string, options: AnalysisOptions = {}): PlanAnalysis {
  return analyseText(MINI_URI, text, miniCatalogue(), options);
}

/** The findings with one code on one document of a plan (by default analyseMini's), typed by their code. */
export function findingsOf<C extends FindingCode>(plan: PlanAnalysis, code: C, uri = MINI_URI): Extract<Finding, { code: C }>[] {
  return (plan.findings.get(uri) ?? []).filter(hasCode(code));
}

/**
 * Plan files analysed in process with the default catalogue and configuration, as the language
 * server analyses them when `primary` is the document open in the editor (its text from
 * `texts` when given there, as for an unsaved edit).
 */
export function analyseFiles(
  files: readonly string[],
  { primary = files[0]!, texts = {}, catalogue = getDefaultCatalogue() }: { primary?: string; texts?: Record<string, string>; catalogue?: IndexedCatalogue } = {},
): { plan: PlanAnalysis; doc: DocumentAnalysis } {
  const index = indexCatalogue(catalogue);
  const docs = files.map((file) => analyseDocument(pathToUri(file), texts[file] ?? fs.readFileSync(file, 'utf8'), index));
  const plan = analysePlan(docs, catalogue, analysisOptions(DEFAULT_CONFIG, pathToUri(primary)));
  return { plan, doc: docs.find((d) => d.uri === pathToUri(primary))! };
}

/** The same for a text given here, as one document at `file`. */
export function analyseTextAt(file: string, text: string, catalogue: IndexedCatalogue = getDefaultCatalogue()): { plan: PlanAnalysis; doc: DocumentAnalysis } {
  const doc = analyseDocument(pathToUri(file), text, indexCatalogue(catalogue));
  return { plan: analysePlan([doc], catalogue, analysisOptions(DEFAULT_CONFIG)), doc };
}

/** Joins lines with \n, for readable multi-line fixtures. */
export function md(...lines: string[]): string {
  return lines.join('\n');
}

/** A plan that declares itself one in its front matter, titled "Test Joint Forward Plan", then the lines given. */
export function testPlan(...lines: string[]): string {
  return md('---', 'plan: joint-forward-plan', '---', '', '# Test Joint Forward Plan', '', ...lines);
}

/** Runs jfp-check in-process, capturing what it writes. */
export function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** The example plan: one file that covers every statutory item. */
export const EXAMPLE_PLAN = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');
/** The fixture workspace: a two-file draft plan and a Markdown file that is not a plan. */
export const WORKSPACE = fixturePath('workspace');
export const DRAFT_PLAN = path.join(WORKSPACE, 'draft-forward-plan.md');
export const PLACE_CHAPTER = path.join(WORKSPACE, 'jfp', 'place-chapter.md');
export const NOTES = path.join(WORKSPACE, 'notes.md');

/** 0-based line of the first line of a file that starts with the given text. */
export function lineOf(file: string, start: string): number {
  const line = fs.readFileSync(file, 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith(start));
  if (line < 0) throw new Error(`"${start}" not found in ${file}`);
  return line;
}

/**
 * Checks that a matcher finds the same in a long text's segments (cut before each "#" that starts
 * a line, remembered across versions) as in one pass, skipping random excluded ranges: `make()`
 * gives a new matcher, `word` the pieces the versions of a text are made of.
 */
export function assertSegmentedAsWhole(make: () => { match(text: string, excluded: readonly (readonly [number, number])[]): unknown[] }, word: fc.Arbitrary<string>, seed: number): void {
  const segmentMin = TermMatcher.segmentMin;
  try {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 40 }), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat())), (versions, cuts) => {
        const segmented = make();
        const whole = make();
        const excluded = cuts.map(([a, b]) => [Math.min(a, b) % 200, Math.max(a, b) % 200] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        for (const words of versions) {
          const text = words.join('');
          TermMatcher.segmentMin = 0;
          const a = segmented.match(text, excluded);
          TermMatcher.segmentMin = Infinity;
          assert.deepEqual(a, whole.match(text, excluded), JSON.stringify(text));
        }
      }),
      { seed, numRuns: 200 },
    );
  } finally {
    TermMatcher.segmentMin = segmentMin;
  }
}

/** A random edit of a property test: a span cut and pasted elsewhere (`move`), else `char` and `insert` put in place of `remove` characters at `at`. */
export interface RandomEdit {
  at: number;
  remove: number;
  insert: string;
  char?: string;
  move?: { to: number; length: number } | null | undefined;
}

/** The text after a random edit (`at` and `to` taken modulo the text's length, so any number will do). */
export function applyEdit(text: string, e: RandomEdit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  if (e.move) {
    const cut = text.slice(at, at + e.move.length);
    const rest = text.slice(0, at) + text.slice(at + e.move.length);
    const to = e.move.to % (rest.length + 1);
    return rest.slice(0, to) + cut + rest.slice(to);
  }
  return text.slice(0, at) + (e.char ?? '') + e.insert + text.slice(at + e.remove);
}
