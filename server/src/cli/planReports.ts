/**
 * jfp-check's reports when the paths hold more than one plan (or a file that could belong to
 * more than one): each plan reported on its own, in every format. One plan keeps the report
 * shapes of a single plan exactly (cli.ts); see docs/reports.md#more-than-one-plan.
 */
import type * as Sarif from 'sarif';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { planLabel } from '../analysis/planSet.js';
import { buildAnnex } from '../formats/annex.js';
import { formatHtml } from '../formats/html.js';
import { formatJson, reportDiagnostics } from '../formats/json.js';
import { formatJunitPlans } from '../formats/junit.js';
import { formatSarif, type SarifOptions } from '../formats/sarif.js';
import { formatText, planHeading } from '../formats/text.js';
import { escapeXml as h } from '../formats/xml.js';

/** A plan with its gate result. */
export interface CheckedPlan {
  plan: PlanAnalysis;
  /** Items that make the gate fail (empty: passed). */
  failures: string[];
  /** The plan's summary line (see summaryLine in cli.ts). */
  summary: string;
}

export interface PlansReportOptions {
  display: (uri: string) => string;
  sarif: SarifOptions;
  /** Where the annex will be written (its links are relative to it), if it goes to a file. */
  annexTarget?: string;
  now: Date;
}


/** The report of several plans (and unassigned files) in a text format; undefined for the Word formats (see wordReport). */
export function formatPlans(format: string, plans: readonly CheckedPlan[], unassigned: readonly PlanAnalysis[], options: PlansReportOptions): string {
  const { display } = options;
  switch (format) {
    case 'json':
      return JSON.stringify(jsonPlans(plans, unassigned, display), null, 2) + '\n';
    case 'annex':
      return plans.map((p) => `<!-- jfp-check: ${planHeading(p.plan, display).replace(/--/g, '- -')} -->\n${buildAnnex(p.plan, options.annexTarget ?? p.plan.primary)}`).join('\n');
    case 'sarif':
      return sarifPlans(plans, unassigned, options);
    case 'junit':
      return formatJunitPlans(
        plans.map((p) => p.plan),
        display,
      );
    case 'html':
      return htmlPlans(plans, unassigned, options);
    default:
      return textPlans(plans, unassigned, display);
  }
}

/** Text: one part per plan, headed with its number, name and file, then the files that belong to no plan yet. */
function textPlans(plans: readonly CheckedPlan[], unassigned: readonly PlanAnalysis[], display: (uri: string) => string): string {
  const parts = plans.map((p, i) => `== Plan ${i + 1} of ${plans.length}: ${planHeading(p.plan, display)}\n\n${formatText(p.plan, display)}`);
  if (unassigned.length > 0) {
    const lines = unassigned.flatMap((u) => reportDiagnostics(u, display).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`));
    parts.push(`== Not assigned to a plan (counted in none)\n\n${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

/** JSON: `plans`, one object per plan in the single-plan shape (without `version`) with its title and main file; `unassigned` files. */
function jsonPlans(plans: readonly CheckedPlan[], unassigned: readonly PlanAnalysis[], display: (uri: string) => string) {
  return {
    version: 1,
    plans: plans.map((p) => {
      const rest = JSON.parse(formatJson(p.plan, display)) as Record<string, unknown>;
      delete rest.version;
      const { title, main } = planLabel(p.plan);
      return { title, main: main ? display(main) : null, gate: p.failures.length === 0 ? 'passed' : 'failed', ...rest };
    }),
    unassigned: unassigned.map((u) => {
      const uri = u.documents[0]!.uri;
      const candidates = u.inputs?.options.ruleOptions?.unassigned?.candidates ?? [];
      return { file: display(uri), candidates: candidates.map((c) => ({ title: c.title, file: display(c.uri) })), diagnostics: reportDiagnostics(u, display) };
    }),
  };
}

/** SARIF: one run per plan (and per unassigned file), each with its own `automationDetails.id`, so that code scanning keeps them apart. */
function sarifPlans(plans: readonly CheckedPlan[], unassigned: readonly PlanAnalysis[], options: PlansReportOptions): string {
  const runs: Sarif.Run[] = [];
  const add = (plan: PlanAnalysis, id: string) => {
    const log = JSON.parse(formatSarif(plan, options.display, options.sarif)) as Sarif.Log;
    for (const run of log.runs) runs.push({ ...run, automationDetails: { id, description: { text: planHeading(plan, options.display) } } });
  };
  plans.forEach((p) => add(p.plan, `jfp-check/${options.display(planLabel(p.plan).main ?? '')}/`));
  unassigned.forEach((u) => add(u, `jfp-check/unassigned/${options.display(u.documents[0]!.uri)}/`));
  const first = JSON.parse(formatSarif(plans[0]!.plan, options.display, options.sarif)) as Sarif.Log;
  return JSON.stringify({ ...first, runs }, null, 2) + '\n';
}

/** HTML: one page, a list of the plans, then each plan's report in its own section. */
function htmlPlans(plans: readonly CheckedPlan[], unassigned: readonly PlanAnalysis[], options: PlansReportOptions): string {
  const pages = plans.map((p) => formatHtml(p.plan, options.display, { now: options.now }));
  const head = pages[0]!.slice(0, pages[0]!.indexOf('<body>')).replace(/<title>[^<]*<\/title>/, `<title>Coverage report: ${plans.length} plans</title>`);
  const body = (page: string) => page.slice(page.indexOf('<body>') + '<body>'.length, page.lastIndexOf('</body>')).trim();
  const list = plans.map((p, i) => `<li><a href="#plan-${i + 1}">${h(planHeading(p.plan, options.display))}</a>: ${p.plan.percent}% covered${p.failures.length > 0 ? `, ${p.failures.length} gaps that fail the check` : ''}</li>`);
  const loose = unassigned.length === 0 ? '' : `<p>Not assigned to a plan, so counted in none: ${unassigned.map((u) => h(options.display(u.documents[0]!.uri))).join(', ')}. Each file says how to assign it.</p>\n`;
  const sections = pages.map((page, i) => `<section id="plan-${i + 1}">\n${body(page)}\n</section>`);
  return `${head}<body>\n<p class="meta">${plans.length} plans, each reported on its own:</p>\n<ul>${list.join('')}</ul>\n${loose}${sections.join('\n<hr>\n')}\n</body>\n</html>\n`;
}
