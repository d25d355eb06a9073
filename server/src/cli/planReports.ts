/**
 * jfp-check's reports, built in two steps so that plans can be checked in worker threads: each
 * plan's part of the report is made from its analysis as plain data (`planReport`, on whichever
 * thread checked the plan), then the parts are put together in the order of the plans
 * (`formatPlans`). With more than one plan (or a file that could belong to more than one) each
 * plan is reported on its own, in every format; one plan keeps the report shapes of a single
 * plan exactly (see docs/reports.md#more-than-one-plan).
 */
import type * as Sarif from 'sarif';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { planLabel } from '../analysis/planSet.js';
import { buildAnnex } from '../formats/annex.js';
import { formatComparison, type StatusChange } from '../formats/compare.js';
import { formatHtml } from '../formats/html.js';
import { formatJson, reportDiagnostics } from '../formats/json.js';
import { formatJunit, junitPlansDocument, junitSuites, type JunitSuites } from '../formats/junit.js';
import { formatSarif, type SarifOptions } from '../formats/sarif.js';
import { formatText, planHeading } from '../formats/text.js';
import { escapeXml as h } from '../formats/xml.js';
import type { FailOn, Format } from './args.js';
import { gateFailures, summaryLine } from './gate.js';

/** What shapes the report besides the plans: plain data, the same on every thread. */
export interface ReportSettings {
  format: Format;
  quiet: boolean;
  failOn: FailOn;
  /** More than one plan, or a file that could belong to more than one: each plan reported on its own. */
  several: boolean;
  /** The URI of the file the report is written to, if any (an annex's links are relative to it). */
  outputUri?: string;
  /** The time the report is dated (ms since 1970). */
  now: number;
}

export interface ReportContext extends ReportSettings {
  display: (uri: string) => string;
  sarif: SarifOptions;
}

/** A plan's gate result and its part of the report, as plain data (it can cross threads). */
export interface PlanReport {
  /** Its title and main file. */
  heading: string;
  /** Items that make the gate fail (empty: passed). */
  failures: string[];
  /** Its summary line (see summaryLine), headed with the plan when there are several. */
  summary: string;
  percent: number;
  /** Text, annex and HTML: this plan's part; with one plan, the whole report (any format but Word). */
  text?: string;
  json?: Record<string, unknown>;
  sarif?: { runs: Sarif.Run[]; log?: Sarif.Log };
  junit?: JunitSuites;
}

/** A file that could belong to more than one plan, checked on its own, as plain data. */
export interface UnassignedReport {
  file: string;
  lines?: string[];
  json?: Record<string, unknown>;
  sarifRuns?: Sarif.Run[];
}

/** The previous version of the plan and what changed since (--baseline; one plan only). */
export interface Baseline {
  previous: PlanAnalysis;
  changes: StatusChange[];
}

/** A plan's report data; `first`: the first plan, whose SARIF log frames the several-plan log. */
export function planReport(plan: PlanAnalysis, ctx: ReportContext, first: boolean, baseline?: Baseline): PlanReport {
  const failures = gateFailures(plan, ctx.failOn, baseline?.changes, ctx.display);
  const line = summaryLine(plan, ctx.failOn, failures, baseline?.changes);
  const heading = planHeading(plan, ctx.display);
  const report: PlanReport = { heading, failures, percent: plan.percent, summary: ctx.several ? line.replace(/^jfp-check: /, `jfp-check: ${heading}: `) : line };
  if (!ctx.several) report.text = singleReport(plan, ctx, baseline);
  else if (ctx.format === 'json') report.json = jsonPlan(plan, failures, ctx.display);
  else if (ctx.format === 'annex') report.text = buildAnnex(plan, ctx.outputUri ?? plan.primary);
  else if (ctx.format === 'sarif') {
    const log = JSON.parse(formatSarif(plan, ctx.display, ctx.sarif)) as Sarif.Log;
    report.sarif = { runs: sarifRuns(log, `jfp-check/${ctx.display(planLabel(plan).main ?? '')}/`, heading), ...(first ? { log } : {}) };
  } else if (ctx.format === 'junit') report.junit = junitSuites(plan, ctx.display, `${heading}: `);
  else if (ctx.format === 'html') report.text = formatHtml(plan, ctx.display, { now: new Date(ctx.now) });
  else if (ctx.format === 'text' && !ctx.quiet) report.text = formatText(plan, ctx.display);
  return report;
}

/** One plan's whole report (not Word, which cli.ts writes). */
function singleReport(plan: PlanAnalysis, ctx: ReportContext, baseline?: Baseline): string {
  switch (ctx.format) {
    case 'json': {
      const json = JSON.parse(formatJson(plan, ctx.display)) as Record<string, unknown>;
      return JSON.stringify(baseline ? { ...json, comparison: baseline.changes } : json, null, 2) + '\n';
    }
    case 'annex':
      return buildAnnex(plan, ctx.outputUri ?? plan.primary);
    case 'sarif':
      return formatSarif(plan, ctx.display, ctx.sarif);
    case 'junit':
      return formatJunit(plan, ctx.display);
    case 'html':
      return formatHtml(plan, ctx.display, { now: new Date(ctx.now) });
    case 'text':
      return ctx.quiet ? '' : formatText(plan, ctx.display) + (baseline ? '\n' + formatComparison(baseline.changes, baseline.previous, plan, 'text') : '');
    default:
      return '';
  }
}

/** The report data of a file that could belong to more than one plan. */
export function unassignedReport(u: PlanAnalysis, ctx: ReportContext): UnassignedReport {
  const uri = u.documents[0]!.uri;
  const report: UnassignedReport = { file: ctx.display(uri) };
  if (ctx.format === 'text' && !ctx.quiet) report.lines = reportDiagnostics(u, ctx.display).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  else if (ctx.format === 'json') {
    const candidates = u.inputs?.options.ruleOptions?.unassigned?.candidates ?? [];
    report.json = { file: report.file, candidates: candidates.map((c) => ({ title: c.title, file: ctx.display(c.uri) })), diagnostics: reportDiagnostics(u, ctx.display) };
  } else if (ctx.format === 'sarif') {
    report.sarifRuns = sarifRuns(JSON.parse(formatSarif(u, ctx.display, ctx.sarif)) as Sarif.Log, `jfp-check/unassigned/${report.file}/`, planHeading(u, ctx.display));
  }
  return report;
}

/** The report of several plans (and unassigned files), from their parts, in a text format (the Word formats are written by cli.ts). */
export function formatPlans(format: Format, plans: readonly PlanReport[], unassigned: readonly UnassignedReport[]): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ version: 1, plans: plans.map((p) => p.json), unassigned: unassigned.map((u) => u.json) }, null, 2) + '\n';
    case 'annex':
      return plans.map((p) => `<!-- jfp-check: ${p.heading.replace(/--/g, '- -')} -->\n${p.text ?? ''}`).join('\n');
    case 'sarif': {
      // One run per plan (and per unassigned file), each with its own `automationDetails.id`, so that code scanning keeps them apart.
      const runs = [...plans.flatMap((p) => p.sarif?.runs ?? []), ...unassigned.flatMap((u) => u.sarifRuns ?? [])];
      return JSON.stringify({ ...plans[0]!.sarif!.log, runs }, null, 2) + '\n';
    }
    case 'junit':
      return junitPlansDocument(plans.map((p) => p.junit!));
    case 'html':
      return htmlPlans(plans, unassigned);
    default:
      return textPlans(plans, unassigned);
  }
}

/** JSON: one object per plan in the single-plan shape (without `version`) with its title and main file. */
function jsonPlan(plan: PlanAnalysis, failures: readonly string[], display: (uri: string) => string): Record<string, unknown> {
  const rest = JSON.parse(formatJson(plan, display)) as Record<string, unknown>;
  delete rest.version;
  const { title, main } = planLabel(plan);
  return { title, main: main ? display(main) : null, gate: failures.length === 0 ? 'passed' : 'failed', ...rest };
}

function sarifRuns(log: Sarif.Log, id: string, heading: string): Sarif.Run[] {
  return log.runs.map((run) => ({ ...run, automationDetails: { id, description: { text: heading } } }));
}

/** Text: one part per plan, headed with its number, name and file, then the files that belong to no plan yet. */
function textPlans(plans: readonly PlanReport[], unassigned: readonly UnassignedReport[]): string {
  const parts = plans.map((p, i) => `== Plan ${i + 1} of ${plans.length}: ${p.heading}\n\n${p.text ?? ''}`);
  if (unassigned.length > 0) parts.push(`== Not assigned to a plan (counted in none)\n\n${unassigned.flatMap((u) => u.lines ?? []).join('\n')}\n`);
  return parts.join('\n');
}

/** HTML: one page, a list of the plans, then each plan's report in its own section. */
function htmlPlans(plans: readonly PlanReport[], unassigned: readonly UnassignedReport[]): string {
  const pages = plans.map((p) => p.text ?? '');
  const head = pages[0]!.slice(0, pages[0]!.indexOf('<body>')).replace(/<title>[^<]*<\/title>/, `<title>Coverage report: ${plans.length} plans</title>`);
  const body = (page: string) => page.slice(page.indexOf('<body>') + '<body>'.length, page.lastIndexOf('</body>')).trim();
  const list = plans.map((p, i) => `<li><a href="#plan-${i + 1}">${h(p.heading)}</a>: ${p.percent}% covered${p.failures.length > 0 ? `, ${p.failures.length} gaps that fail the check` : ''}</li>`);
  const loose = unassigned.length === 0 ? '' : `<p>Not assigned to a plan, so counted in none: ${unassigned.map((u) => h(u.file)).join(', ')}. Each file says how to assign it.</p>\n`;
  const sections = pages.map((page, i) => `<section id="plan-${i + 1}">\n${body(page)}\n</section>`);
  return `${head}<body>\n<p class="meta">${plans.length} plans, each reported on its own:</p>\n<ul>${list.join('')}</ul>\n${loose}${sections.join('\n<hr>\n')}\n</body>\n</html>\n`;
}
