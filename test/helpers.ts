import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseText, type AnalysisOptions, type PlanAnalysis } from '../server/src/analysis/analyse.js';
import { loadCatalogue, type IndexedCatalogue } from '../server/src/analysis/data/catalogue.js';
import { run } from '../server/src/cli/cli.js';

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

export function analyseMini(text: string, options: AnalysisOptions = {}): PlanAnalysis {
  return analyseText('file:///plan.md', text, miniCatalogue(), options);
}

/** Joins lines with \n, for readable multi-line fixtures. */
export function md(...lines: string[]): string {
  return lines.join('\n');
}

/** Runs jfp-check in-process, capturing what it writes. */
export function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

export const EXAMPLE_PLAN = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');
export const DRAFT_PLAN = fixturePath('workspace', 'draft-forward-plan.md');
