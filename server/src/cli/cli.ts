/**
 * jfp-check: the same analysis as the editor, headless, for CI. See USAGE (args.ts) and docs/reports.md.
 * Exit codes: 0 the gate passed; 1 the gate failed (by default: a statutory item is missing, or
 * a finding is at error level);
 * 2 usage or input error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { getDefaultCatalogue, isStatutory, type IndexedCatalogue } from '../analysis/data/catalogue.js';
import { buildAnnex } from '../formats/annex.js';
import { compareCoverage, formatComparison, type StatusChange } from '../formats/compare.js';
import { formatHtml } from '../formats/html.js';
import { formatJson, reportDiagnostics } from '../formats/json.js';
import { formatJunit } from '../formats/junit.js';
import { formatSarif } from '../formats/sarif.js';
import { packageDocsUrl, packageHomepage } from '../formats/docsUrl.js';
import { countingShort } from '../analysis/present/headline.js';
import { formatText, planHeading } from '../formats/text.js';
import { pathToUri, uriToPath } from '../host/uri.js';
import { collectFiles, readPlanFile, UsageError } from '../host/planInput.js';
import { loadPlanFromPaths, loadPlanSetFromPaths } from '../host/planFromPaths.js';
import { formatPlans, type CheckedPlan } from './planReports.js';
import { buildCatalogue, CONFIG_FILE, type FileProblems } from '../host/projectConfig.js';
import { readCataloguesSync } from '../host/nodeFiles.js';
import { VERSION } from '../host/version.js';
import { mergeConfig, parseConfig, planFileGlobs, type JfpConfig } from '../analysis/data/config.js';
import { RULE_CODES } from '../analysis/rules/index.js';
import { parseArgs, USAGE, type FailOn } from './args.js';
import { parseInWorkers, treesOnce } from './parallel.js';
import { readPlanInput, wordPositions, wordReport } from '../convert/input.js';

export { collectFiles, UsageError };


/**
 * The configuration: defaults, then the project file (--config FILE, or .jfp.json in the
 * current folder when present), with any extra catalogues it names. Problems are printed
 * like diagnostics; an error in the configuration makes the run fail with status 2.
 */
function loadConfig(file: string | undefined, err: (s: string) => void): { config: JfpConfig; catalogue: IndexedCatalogue; folder?: string } {
  const configFile = file ?? (fs.existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (configFile === undefined) return { config: mergeConfig({}, {}).config, catalogue: getDefaultCatalogue() };
  if (!fs.existsSync(configFile)) throw new UsageError(`cannot read config ${configFile}: no such file`);
  const folder = path.dirname(path.resolve(configFile));
  const problems: FileProblems = new Map();
  let text: string;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${configFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseConfig(text, RULE_CODES);
  if (parsed.problems.length > 0) problems.set(pathToUri(path.resolve(configFile)), parsed.problems);
  const configs = [{ folder: pathToUri(folder), layer: parsed.config, text }];
  const catalogue = buildCatalogue(getDefaultCatalogue(), configs, problems, readCataloguesSync(configs));
  let errors = 0;
  for (const [uri, list] of problems) {
    for (const p of list) {
      if (p.severity === 'error') errors++;
      err(`${displayPath(uri)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} jfp.config.invalid ${p.message}\n`);
    }
  }
  if (errors > 0) throw new UsageError(`the configuration has ${errors} error${errors === 1 ? '' : 's'} (see above)`);
  return { config: mergeConfig({}, parsed.config).config, catalogue, folder };
}

function displayPath(uri: string): string {
  const p = uriToPath(uri) ?? uri;
  const rel = path.relative(process.cwd(), p);
  return (rel.startsWith('..') ? p : rel).split(path.sep).join('/');
}

/** The rule pages shipped with jfp-check (docs/rules next to dist/), as a file URL ending in '/': read for SARIF's help text, never linked to. */
let docsBaseFound: string | undefined;
function docsBase(): string {
  return (docsBaseFound ??= findDocsBase());
}

function findDocsBase(): string {
  const starts = [process.argv[1] ? path.dirname(fs.realpathSync(process.argv[1])) : undefined, process.cwd()];
  for (const start of starts) {
    for (let dir = start; dir; dir = path.dirname(dir) === dir ? undefined : path.dirname(dir)) {
      const docs = path.join(dir, 'docs', 'rules');
      if (fs.existsSync(path.join(docs, 'jfp.duty.missing.md'))) return pathToFileURL(docs + path.sep).href;
    }
  }
  return pathToFileURL(path.join(process.cwd(), 'docs', 'rules') + path.sep).href;
}

/** The Markdown page of a diagnostic code, from the docs shipped with jfp-check. */
function rulePage(code: string): string | undefined {
  const dir = uriToPath(docsBase());
  try {
    return dir ? fs.readFileSync(path.join(dir, `${code}.md`), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What makes the gate fail under the --fail-on policy (nothing with `never`): missing items
 * (and, with a baseline, lost coverage), by id, then every finding at `error` level (as
 * "CODE at FILE:LINE"; a rule's level is set in .jfp.json "rules").
 */
export function gateFailures(plan: PlanAnalysis, failOn: FailOn, changes: readonly StatusChange[] = [], file: (uri: string) => string = (uri) => uri): string[] {
  if (failOn === 'never') return [];
  const statutoryOnly = failOn === 'missing-statutory';
  const missing = plan.coverage.filter((c) => c.counted && c.status === 'missing' && (!statutoryOnly || isStatutory(plan.index.catalogue.get(c.id)!)));
  const lost = changes.filter((c) => c.direction === 'lost' && (!statutoryOnly || c.statutory) && !missing.some((m) => m.id === c.id));
  const errors = reportDiagnostics(plan, file).filter((d) => d.severity === 'error');
  return [...missing.map((c) => c.id), ...lost.map((c) => c.id), ...errors.map((d) => `${d.code} at ${d.file}:${d.line}`)];
}

/** The one-line summary printed at the end of every run. */
export function summaryLine(plan: PlanAnalysis, failOn: FailOn, failures: readonly string[], changes?: readonly StatusChange[]): string {
  const s = plan.summary;
  const statutory = plan.coverage.filter((c) => c.counted && c.status === 'missing' && isStatutory(plan.index.catalogue.get(c.id)!)).length;
  const lost = changes ? `, ${changes.filter((c) => c.direction === 'lost').length} lost since the baseline` : '';
  const gate = failOn === 'never' ? 'not gated' : failures.length === 0 ? `passed (--fail-on ${failOn})` : `FAILED (--fail-on ${failOn}: ${failures.join(', ')})`;
  return `jfp-check: ${plan.percent}% covered (${countingShort()}): ${s.addressed} addressed, ${s.partial} partial, ${s.missing} missing (${statutory} statutory), ${s.waived} waived of ${s.total}${lost}; ${gate}`;
}

/** The last summary line when there is more than one plan: how many, and which failed. */
export function plansSummaryLine(checked: readonly CheckedPlan[], unassigned: number, failOn: FailOn): string {
  const failed = checked.filter((c) => c.failures.length > 0);
  const loose = unassigned > 0 ? `, ${unassigned} file${unassigned === 1 ? '' : 's'} not assigned to a plan` : '';
  const gate = failOn === 'never' ? 'not gated' : failed.length === 0 ? `passed (--fail-on ${failOn})` : `FAILED (${failed.length} of ${checked.length} plans fail --fail-on ${failOn})`;
  return `jfp-check: ${checked.length} plans${loose}; ${gate}`;
}

/** `trees`: parse trees of plan files by their text, parsed beforehand (see runInParallel). */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, trees?: Map<string, Root>): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
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
    const parse = treesOnce(trees);
    const set = loadPlanSetFromPaths(args.paths, config, catalogue, read, folder, parse);
    const several = set.plans.length > 1 || set.unassigned.length > 0;
    if (several && args.baseline.length > 0) {
      throw new UsageError(`--baseline compares one plan with its previous version, but the paths hold ${set.plans.length} plans (${set.plans.map((p) => planHeading(p, displayPath)).join('; ')}): check each plan on its own`);
    }
    const plan = set.plans[0]!;
    const previous = args.baseline.length > 0 ? loadPlanFromPaths(args.baseline, config, catalogue, read, parse) : undefined;
    const changes = previous ? compareCoverage(previous, plan) : undefined;
    // Each plan is gated on its own; the run fails when any plan fails.
    const failOn = args.failOn;
    const checked: CheckedPlan[] = set.plans.map((p) => {
      const failures = gateFailures(p, failOn, p === plan ? changes : undefined, displayPath);
      const line = summaryLine(p, failOn, failures, p === plan ? changes : undefined);
      return { plan: p, failures, summary: several ? line.replace(/^jfp-check: /, `jfp-check: ${planHeading(p, displayPath)}: `) : line };
    });
    const failed = checked.filter((c) => c.failures.length > 0);
    const summary = several ? [...checked.map((c) => c.summary), plansSummaryLine(checked, set.unassigned.length, args.failOn)].join('\n') : checked[0]!.summary;
    const sarifOptions = { docsUrl: args.docsUrl || config.docsUrl || packageDocsUrl(), homepage: packageHomepage(), version: VERSION, helpMarkdown: rulePage };
    let report: string;
    let bytes: Uint8Array | undefined;
    if (several && (args.format === 'docx' || args.format === 'docx-annex')) {
      report = '';
      bytes = wordReport(set.plans, displayPath, args.format, args.output, (m) => new UsageError(m));
    } else if (several) {
      const options = { display: displayPath, sarif: sarifOptions, now: new Date(), ...(args.output ? { annexTarget: pathToUri(path.resolve(args.output)) } : {}) };
      report = args.quiet && args.format === 'text' ? '' : formatPlans(args.format, checked, set.unassigned, options);
    } else {
      switch (args.format) {
        case 'json': {
          const json = JSON.parse(formatJson(plan, displayPath)) as Record<string, unknown>;
          report = JSON.stringify(changes ? { ...json, comparison: changes } : json, null, 2) + '\n';
          break;
        }
        case 'annex':
          report = buildAnnex(plan, args.output ? pathToUri(path.resolve(args.output)) : plan.primary);
          break;
        case 'sarif':
          report = formatSarif(plan, displayPath, sarifOptions);
          break;
        case 'junit':
          report = formatJunit(plan, displayPath);
          break;
        case 'html':
          report = formatHtml(plan, displayPath, { now: new Date() });
          break;
        case 'docx':
        case 'docx-annex':
          report = '';
          bytes = wordReport(plan, displayPath, args.format, args.output, (m) => new UsageError(m));
          break;
        default:
          report = args.quiet ? '' : formatText(plan, displayPath) + (changes && previous ? '\n' + formatComparison(changes, previous, plan, 'text') : '');
      }
    }
    report = wordPositions(report, args.format, [...set.plans, ...set.unassigned].flatMap((p) => p.documents.map((d) => d.uri)), displayPath);
    if (args.output) {
      try {
        fs.writeFileSync(args.output, bytes ?? report);
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
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jfp-check: ${e.message}\n${e.message.startsWith('no PATH') ? '\n' + USAGE + '\n' : ''}`);
      return 2;
    }
    err(`jfp-check: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** The plan files a command line names (none when it is not a check, or has an error: run reports it). */
function planFiles(argv: string[]): string[] {
  try {
    const args = parseArgs(argv);
    if (typeof args !== 'object') return [];
    const { config } = loadConfig(args.config, () => undefined);
    return collectFiles([...args.paths, ...args.baseline], planFileGlobs(config));
  } catch {
    return [];
  }
}

/** run, with the plan files parsed first in `jobs` worker threads (default: one per core; cli/parallel.ts). */
export async function runInParallel(argv: string[], out: (s: string) => void, err: (s: string) => void, jobs?: number): Promise<number> {
  return run(argv, out, err, await parseInWorkers(planFiles(argv), jobs));
}

/**
 * Worker threads for jfp-check: only when JFP_CHECK_JOBS asks for more than one. They are not
 * the default because, measured on a 2-core machine, they made the check slower, not faster
 * (docs/performance.md): each worker loads the parser again and every tree is copied back.
 */
export function checkJobs(env: NodeJS.ProcessEnv = process.env): number {
  const jobs = Number(env.JFP_CHECK_JOBS);
  return Number.isInteger(jobs) && jobs > 1 ? jobs : 1;
}

/**
 * A reader that stops early (`jfp-check plan.md | head`) closes the pipe: end quietly with the
 * gate's exit status, as other command-line tools do, instead of printing an EPIPE stack. The
 * pipe may close before the status is known (the worker threads still parsing): then the end
 * waits for it.
 */
let finalCode: number | undefined;
let pipeClosed = false;

function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    pipeClosed = true;
    if (finalCode !== undefined) process.exit(finalCode);
  });
}

function finish(code: number): void {
  finalCode = code;
  process.exitCode = code;
  if (pipeClosed) process.exit(code);
}

export function main(): void {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const argv = process.argv.slice(2);
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  const jobs = checkJobs();
  if (jobs <= 1) {
    finish(run(argv, out, err));
    return;
  }
  runInParallel(argv, out, err, jobs).then(finish, (e: unknown) => {
    process.stderr.write(`jfp-check: ${e instanceof Error ? e.message : String(e)}\n`);
    finish(2);
  });
}
