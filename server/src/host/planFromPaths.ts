/**
 * Plans read from paths on disk (files, folders or globs) and analysed with a configuration:
 * what `jfp-check PATH...` (each plan on its own), its `--baseline` and the editor's "Compare
 * with previous plan" (one plan) each need.
 */
import { analysePlan, editionIndex, type PlanAnalysis } from '../analysis/analyse.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { editionOverride, planFileGlobs, type JfpConfig } from '../analysis/data/config.js';
import { analyseDocument, type DocumentAnalysis, type IndexChooser } from '../analysis/model/document.js';
import { analysisOptions } from '../analysis/planOptions.js';
import { analysePlanSet, configuredPlans, type PlanSet } from '../analysis/planSet.js';
import { collectFilesAndOthers, readPlanFile } from './planInput.js';
import { pathToUri, uriToPath } from './uri.js';
import { listedFiles, planFileFacts } from '../analysis/planGroups.js';

/**
 * The index each file is analysed against: that of the edition it would be checked against as
 * a plan of its own, so that analysePlan need not find its terms again (see editionIndex).
 */
export function documentIndex(catalogue: IndexedCatalogue, config: JfpConfig): IndexChooser {
  return editionIndex(catalogue, editionOverride(config));
}

/** The plan files found at the paths, analysed, with the other Markdown files there that a main document lists in its front matter. */
function readDocuments(paths: readonly string[], config: JfpConfig, catalogue: IndexedCatalogue, read: (file: string) => string): DocumentAnalysis[] {
  const index = documentIndex(catalogue, config);
  const { files, others } = collectFilesAndOthers(paths, planFileGlobs(config));
  const docs = files.map((file) => analyseDocument(pathToUri(file), read(file), index));
  const listed = listedFiles(docs.map(planFileFacts), others.map(pathToUri));
  return [...docs, ...listed.map((uri) => analyseDocument(uri, read(uriToPath(uri)!), index))];
}

/**
 * Reads and analyses everything found at `paths` as one plan; a UsageError when they hold
 * no readable plan. `read` turns a file into Markdown (the CLI passes one that converts Word and PDF).
 */
export function loadPlanFromPaths(paths: readonly string[], config: JfpConfig, catalogue: IndexedCatalogue, read: (file: string) => string = readPlanFile): PlanAnalysis {
  return analysePlan(readDocuments(paths, config, catalogue, read), catalogue, analysisOptions(config));
}

/**
 * Reads the files found at `paths`, groups them into plans (see analysis/planGroups.ts) and
 * checks each. `configFolder`: the folder of .jfp.json, against which its "plans" are read.
 */
export function loadPlanSetFromPaths(paths: readonly string[], config: JfpConfig, catalogue: IndexedCatalogue, read: (file: string) => string = readPlanFile, configFolder?: string): PlanSet {
  const docs = readDocuments(paths, config, catalogue, read);
  return analysePlanSet(docs, catalogue, config, configuredPlans(config, configFolder !== undefined ? pathToUri(configFolder) : undefined));
}
