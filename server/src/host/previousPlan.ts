/**
 * Reading a plan from files or folders picked in the editor (e.g. the previous plan to compare
 * with), through PlanFiles: files as given, folders searched for plan files. The Node server
 * and the command line read from disk instead (planFromPaths.ts: globs, Word and PDF too); both
 * say what went wrong in the same words.
 */
import { analysePlan, type PlanAnalysis } from '../analysis/analyse.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { indexCatalogue } from '../analysis/data/catalogueIndex.js';
import type { JfpConfig } from '../analysis/data/config.js';
import { planFileMatcher } from '../analysis/data/planFiles.js';
import { analyseDocument } from '../analysis/model/document.js';
import { analysisOptions } from '../analysis/planOptions.js';
import { looksBinary } from '../analysis/limits.js';
import type { PlanFiles } from './files.js';
import { findPlanFiles } from './findPlanFiles.js';
import { readErrorCode } from './projectConfig.js';
import { pathToUri } from './uri.js';

/** Why a plan cannot be read from what was named (shared with the command line). */
export const inputProblem = {
  noSuchPath: (p: string) => `no such file or folder: ${p}`,
  noPlanFiles: (p: string) => `no plan files found in ${p} (a plan has "plan: joint-forward-plan" in its front matter, or a name such as *forward-plan*.md)`,
  cannotRead: (p: string, why: string) => `cannot read ${p}: ${why}`,
  notText: (p: string) => `${p} is not a text file (save the plan as UTF-8 Markdown)`,
};

export class PlanInputError extends Error {}

/** A URI as given, or the URI of a file path. */
export function toUri(pathOrUri: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri) ? pathOrUri : pathToUri(pathOrUri);
}

/** The plan files named (files as given, folders searched), with their texts. Throws PlanInputError. */
export async function readPlanAt(files: PlanFiles, named: readonly string[], globs: readonly string[]): Promise<{ uri: string; text: string }[]> {
  const uris = new Set<string>();
  for (const p of named) {
    const uri = toUri(p);
    const stat = await files.stat(uri);
    if (!stat) throw new PlanInputError(inputProblem.noSuchPath(p));
    if (stat.type !== 'directory') {
      uris.add(uri);
      continue;
    }
    const found = await findPlanFiles(files, uri, planFileMatcher(globs), Infinity);
    if (found.length === 0) throw new PlanInputError(inputProblem.noPlanFiles(p));
    for (const f of found) uris.add(f);
  }
  const out: { uri: string; text: string }[] = [];
  for (const uri of [...uris].sort()) {
    const text = await files.readText(uri).catch((e: unknown) => {
      throw new PlanInputError(inputProblem.cannotRead(uri, readErrorCode(e)));
    });
    if (looksBinary(text)) throw new PlanInputError(inputProblem.notText(uri));
    out.push({ uri, text });
  }
  return out;
}

/** Reads a whole plan from paths or URIs, given the configuration: what the server's "compare" needs. */
export type LoadPlan = (paths: readonly string[], config: JfpConfig, catalogue: IndexedCatalogue) => PlanAnalysis | Promise<PlanAnalysis>;

/** LoadPlan through PlanFiles (Markdown only): for a server without a disk, e.g. in a web worker. */
export function loadPlanThroughFiles(files: PlanFiles): LoadPlan {
  return async (paths, config, catalogue) => {
    const index = indexCatalogue(catalogue);
    const docs = (await readPlanAt(files, paths, config.files)).map((f) => analyseDocument(f.uri, f.text, index));
    return analysePlan(docs, catalogue, analysisOptions(config));
  };
}
