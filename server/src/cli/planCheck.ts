/**
 * What each thread of a jfp-check run does (planThreads.ts): read and analyse a plan file,
 * answering the facts that decide which plan it belongs to; then check whole plans, answering
 * each one's report data. Documents analysed in the first step are kept for the second, so a
 * plan checked on the thread that read its files reads nothing again. Answers are plain data.
 */
import type { DocumentAnalysis, IndexChooser } from '../analysis/model/document.js';
import { analyseDocument } from '../analysis/analyse.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import type { JfpConfig } from '../analysis/data/config.js';
import { planFileFacts, type PlanFileFacts } from '../analysis/planGroups.js';
import { checkPlanGroup, type PlanJob } from '../analysis/planSet.js';
import { readPlanInput } from '../convert/input.js';
import { documentIndex } from '../host/planFromPaths.js';
import { readPlanFile, UsageError } from '../host/planInput.js';
import { pathToUri, uriToPath } from '../host/uri.js';
import { parseArgs } from './args.js';
import { planReport, unassignedReport, type PlanReport, type ReportContext, type ReportSettings, type UnassignedReport } from './planReports.js';
import { loadConfig, displayPath, sarifOptions, setDocsBase } from './setup.js';

/** What every thread is given once: the command line, where the rule pages are, and the report settings. */
export interface ThreadSetup {
  argv: string[];
  docsBase: string;
  settings: Omit<ReportSettings, 'several'>;
}

export type ThreadJob =
  /** Read and analyse a plan file (a path). */
  | { kind: 'read'; file: string }
  /** Check a plan (`unassigned`: a file that could belong to more than one); `first`: the first plan of the report. */
  | { kind: 'check'; plan: PlanJob; several: boolean; first: boolean; unassigned: boolean };

export type ThreadAnswer = PlanFileFacts | PlanReport | UnassignedReport;

export class PlanChecker {
  private readonly held = new Map<string, DocumentAnalysis>();
  private readonly config: JfpConfig;
  private readonly catalogue: IndexedCatalogue;
  private readonly index: IndexChooser;
  private readonly ctx: Omit<ReportContext, 'several'>;

  /** On a worker thread the configuration is read again; the main thread has already reported its problems. */
  constructor(setup: ThreadSetup) {
    setDocsBase(setup.docsBase);
    const args = parseArgs(setup.argv);
    if (typeof args !== 'object') throw new Error('not a check');
    ({ config: this.config, catalogue: this.catalogue } = loadConfig(args.config, () => undefined));
    this.index = documentIndex(this.catalogue, this.config);
    this.ctx = { ...setup.settings, display: displayPath, sarif: sarifOptions(args.docsUrl, this.config) };
  }

  handle(job: ThreadJob): ThreadAnswer {
    if (job.kind === 'read') return planFileFacts(this.analyse(pathToUri(job.file), job.file));
    const docs = job.plan.uris.map((uri) => this.held.get(uri) ?? this.analyse(uri, uriToPath(uri)!));
    for (const uri of job.plan.uris) this.held.delete(uri);
    const plan = checkPlanGroup(docs, this.catalogue, this.config, job.plan.options);
    const ctx = { ...this.ctx, several: job.several };
    return job.unassigned ? unassignedReport(plan, ctx) : planReport(plan, ctx, job.first);
  }

  private analyse(uri: string, file: string): DocumentAnalysis {
    const text = readPlanInput(file, readPlanFile, (m) => new UsageError(m), this.config.analysis.maxFileSizeMB);
    const doc = analyseDocument(uri, text, this.index);
    this.held.set(uri, doc);
    return doc;
  }
}
