/**
 * jfp-check: the same analysis as the editor, headless, for CI. See USAGE (args.ts) and docs/reports.md.
 * Exit codes: 0 the gate passed; 1 the gate failed (by default: a statutory item is missing, or
 * a finding is at error level);
 * 2 usage or input error.
 * `run` checks everything on the calling thread; planThreads.ts checks many plans on every core
 * and writes the same report through `writeReport`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCoverage } from '../formats/compare.js';
import { planHeading } from '../formats/text.js';
import { pathToUri } from '../host/uri.js';
import { collectFiles, readPlanFile, UsageError } from '../host/planInput.js';
import { loadPlanFromPaths, loadPlanSetFromPaths } from '../host/planFromPaths.js';
import { VERSION } from '../host/version.js';
import { parseArgs, USAGE, type Args } from './args.js';
import { plansSummaryLine } from './gate.js';
import { formatPlans, planReport, unassignedReport, type PlanReport, type ReportContext, type ReportSettings, type UnassignedReport } from './planReports.js';
import { displayPath, loadConfig, sarifOptions } from './setup.js';
import { readPlanInput, wordPositions, wordReport } from '../convert/input.js';

export { collectFiles, UsageError };
export { gateFailures, plansSummaryLine, summaryLine } from './gate.js';

/** What the checks found, as plain data, ready to be written. */
export interface Outcome {
  several: boolean;
  plans: PlanReport[];
  unassigned: UnassignedReport[];
  /** Every document checked (Word and PDF ones get their positions described in the report). */
  uris: string[];
  /** The Word report, when one was asked for. */
  bytes?: Uint8Array;
}

/** The report settings of a run. */
export function reportSettings(args: Args, several: boolean, now = Date.now()): ReportSettings {
  return { format: args.format, quiet: args.quiet, failOn: args.failOn, several, now, ...(args.output ? { outputUri: pathToUri(path.resolve(args.output)) } : {}) };
}

/** Runs `check` and reports its usage and input errors (exit status 2) as jfp-check does. */
export function reportErrors(err: (s: string) => void, check: () => number): number {
  try {
    return check();
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jfp-check: ${e.message}\n${e.message.startsWith('no PATH') ? '\n' + USAGE + '\n' : ''}`);
      return 2;
    }
    err(`jfp-check: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** Checks the plans of a command line on this thread; returns the exit status. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  return reportErrors(err, () => {
    const args = parseArgs(argv);
    if (args === 'help') {
      out(USAGE + '\n');
      return 0;
    }
    if (args === 'version') {
      out(VERSION + '\n');
      return 0;
    }
    const { config, catalogue, folder } = loadConfig(args.config, err);
    // Markdown as it is; Word and PDF converted first (in a worker thread, see convert/run.ts).
    const read = (file: string) => readPlanInput(file, readPlanFile, (m) => new UsageError(m), config.analysis.maxFileSizeMB);
    const set = loadPlanSetFromPaths(args.paths, config, catalogue, read, folder);
    const several = set.plans.length > 1 || set.unassigned.length > 0;
    if (several && args.baseline.length > 0) {
      throw new UsageError(`--baseline compares one plan with its previous version, but the paths hold ${set.plans.length} plans (${set.plans.map((p) => planHeading(p, displayPath)).join('; ')}): check each plan on its own`);
    }
    const plan = set.plans[0]!;
    const previous = args.baseline.length > 0 ? loadPlanFromPaths(args.baseline, config, catalogue, read) : undefined;
    const baseline = previous ? { previous, changes: compareCoverage(previous, plan) } : undefined;
    // Each plan is gated on its own; the run fails when any plan fails.
    const ctx: ReportContext = { ...reportSettings(args, several), display: displayPath, sarif: sarifOptions(args.docsUrl, config) };
    const outcome: Outcome = {
      several,
      plans: set.plans.map((p, i) => planReport(p, ctx, i === 0, p === plan ? baseline : undefined)),
      unassigned: several ? set.unassigned.map((u) => unassignedReport(u, ctx)) : [],
      uris: [...set.plans, ...set.unassigned].flatMap((p) => p.documents.map((d) => d.uri)),
    };
    if (args.format === 'docx' || args.format === 'docx-annex') outcome.bytes = wordReport(several ? set.plans : plan, displayPath, args.format, args.output, (m) => new UsageError(m));
    return writeReport(args, outcome, out, err);
  });
}

/** Writes the report and the summary lines of checked plans; returns the exit status. */
export function writeReport(args: Args, outcome: Outcome, out: (s: string) => void, err: (s: string) => void): number {
  const { several, plans, unassigned } = outcome;
  const failed = plans.filter((c) => c.failures.length > 0);
  const summary = several ? [...plans.map((c) => c.summary), plansSummaryLine(plans, unassigned.length, args.failOn)].join('\n') : plans[0]!.summary;
  let report = outcome.bytes ? '' : !several ? (plans[0]!.text ?? '') : args.quiet && args.format === 'text' ? '' : formatPlans(args.format, plans, unassigned);
  report = wordPositions(report, args.format, outcome.uris, displayPath);
  if (args.output) {
    try {
      fs.writeFileSync(args.output, outcome.bytes ?? report);
    } catch (e) {
      throw new UsageError(`cannot write ${args.output}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!args.quiet || args.format === 'text') out(summary + '\n');
  } else {
    out(report);
    if (args.format === 'text') out(summary + '\n');
    else if (!args.quiet) err(summary + '\n');
  }
  return failed.length > 0 ? 1 : 0;
}
