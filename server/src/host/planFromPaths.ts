/**
 * A whole plan read from paths on disk (files, folders or globs) and analysed with a
 * configuration: what `jfp-check PATH...`, its `--baseline` and the editor's "Compare with
 * previous plan" each need.
 */
import type { Root } from 'mdast';
import { analysePlan, type PlanAnalysis } from '../analysis/analyse.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { indexCatalogue } from '../analysis/data/catalogueIndex.js';
import type { JfpConfig } from '../analysis/data/config.js';
import { analyseDocument } from '../analysis/model/document.js';
import { analysisOptions } from '../analysis/planOptions.js';
import { collectFiles, readPlanFile } from './planInput.js';
import { pathToUri } from './uri.js';

/**
 * Reads and analyses the plan made of the files found at `paths`; a UsageError when they hold
 * no readable plan. `read` turns a file into Markdown (the CLI passes one that converts Word and PDF);
 * `parse` may give trees parsed beforehand (jfp-check parses in worker threads).
 */
export function loadPlanFromPaths(paths: readonly string[], config: JfpConfig, catalogue: IndexedCatalogue, read: (file: string) => string = readPlanFile, parse?: (text: string) => Root): PlanAnalysis {
  const index = indexCatalogue(catalogue);
  const docs = collectFiles(paths, config.files).map((file) => analyseDocument(pathToUri(file), read(file), index, parse));
  return analysePlan(docs, catalogue, analysisOptions(config));
}
