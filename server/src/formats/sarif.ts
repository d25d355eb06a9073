import type * as Sarif from 'sarif';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { RULES } from '../analysis/rules/index.js';
import { PLAN_SUMMARY } from '../analysis/present/planSummary.js';
import type { Severity } from '../analysis/types.js';
import { reportDiagnostics } from './json.js';
import { identityReport } from '../analysis/planIdentity.js';
import { countingNote } from '../analysis/present/headline.js';
import { ruleUrl, type DocsUrl } from './docsUrl.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  /**
   * Where the rule pages live on the web (see docsUrl.ts): a base ending in '/' (each rule's
   * helpUri is base + CODE.md) or a template with `{code}`. Without one, rules carry no helpUri.
   */
  docsUrl: DocsUrl | undefined;
  /** The project's home page (informationUri), when it has one. */
  homepage?: string;
  /** The tool version. */
  version: string;
  /** The full Markdown page of a rule, when available: shown as the rule's help by SARIF viewers such as GitHub. */
  helpMarkdown?: (code: string) => string | undefined;
}

/** A rule page's relative links made absolute against its web address (left as they are when it has none). */
function absoluteLinks(markdown: string | undefined, page: string | undefined): string | undefined {
  if (markdown === undefined) return undefined;
  return markdown.replace(/\]\((?![a-z][\w+.-]*:|#)([^()\s]+)\)/gi, (whole, href: string) => {
    if (!page) return whole;
    try {
      return `](${new URL(href, page).href})`;
    } catch {
      return whole;
    }
  });
}

/**
 * `jfp-check --format sarif`: a SARIF 2.1.0 log with one run. Every diagnostic code is a
 * rule (with its one-line description as help and a link to its page); each finding is a
 * result with a 1-based region. `file` must give paths relative to the source root
 * (forward slashes), which SARIF viewers resolve against %SRCROOT%.
 */
export function formatSarif(plan: PlanAnalysis, file: (uri: string) => string, options: SarifOptions): string {
  const rules = [...RULES, PLAN_SUMMARY].map((r): Sarif.ReportingDescriptor => {
    const page = options.docsUrl === undefined ? undefined : ruleUrl(options.docsUrl, r.code);
    return {
      id: r.code,
      name: r.code.replace(/^jfp\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      help: {
        text: page ? `${r.description} See ${page}` : r.description,
        markdown: absoluteLinks(options.helpMarkdown?.(r.code), page) ?? (page ? `${r.description} [More about ${r.code}](${page})` : r.description),
      },
      ...(page ? { helpUri: page } : {}),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    };
  });
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
            ...(options.homepage ? { informationUri: options.homepage } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder jfp-check was run from.' } } },
        artifacts: plan.documents.map((doc) => ({ location: { uri: encodeURI(file(doc.uri)), uriBaseId: '%SRCROOT%' }, mimeType: 'text/markdown' })),
        results,
        properties: {
          catalogue: { id: plan.index.catalogue.id, edition: plan.index.catalogue.edition },
          ...identityReport(plan.identity),
          coverage: { ...plan.summary, percent: plan.percent, percentCounting: countingNote() },
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
