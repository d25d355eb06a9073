import type * as Sarif from 'sarif';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { RULES } from '../analysis/rules/index.js';
import { PLAN_SUMMARY } from '../analysis/present/planSummary.js';
import type { Severity } from '../analysis/types.js';
import { reportDiagnostics } from './json.js';
import { identityReport } from '../analysis/planIdentity.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  /** Where the rule pages live (absolute URI ending in '/'); each rule's helpUri is base + code + '.md'. */
  docsBase: string;
  /** The tool version. */
  version: string;
  /** The full Markdown page of a rule, when available: shown as the rule's help by SARIF viewers such as GitHub. */
  helpMarkdown?: (code: string) => string | undefined;
}

/**
 * `jfp-check --format sarif`: a SARIF 2.1.0 log with one run. Every diagnostic code is a
 * rule (with its one-line description as help and a link to its page); each finding is a
 * result with a 1-based region. `file` must give paths relative to the source root
 * (forward slashes), which SARIF viewers resolve against %SRCROOT%.
 */
export function formatSarif(plan: PlanAnalysis, file: (uri: string) => string, options: SarifOptions): string {
  const rules = [...RULES, PLAN_SUMMARY].map((r): Sarif.ReportingDescriptor => ({
    id: r.code,
    name: r.code.replace(/^jfp\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: `${r.description} See ${options.docsBase}${r.code}.md`, markdown: options.helpMarkdown?.(r.code) ?? `${r.description} [More about ${r.code}](${options.docsBase}${r.code}.md)` },
    helpUri: `${options.docsBase}${r.code}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = reportDiagnostics(plan, file).map((d): Sarif.Result => ({
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column : 1) },
        },
      },
    ],
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jfp-check',
            fullName: 'jfp-assist Joint Forward Plan checker',
            version: options.version,
            informationUri: options.docsBase.replace(/rules\/$/, ''),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder jfp-check was run from.' } } },
        artifacts: plan.documents.map((doc) => ({ location: { uri: encodeURI(file(doc.uri)), uriBaseId: '%SRCROOT%' }, mimeType: 'text/markdown' })),
        results,
        properties: {
          catalogue: { id: plan.index.catalogue.id, edition: plan.index.catalogue.edition },
          ...identityReport(plan.identity),
          coverage: { ...plan.summary, percent: plan.percent },
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
