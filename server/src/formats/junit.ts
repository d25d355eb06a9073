import type { PlanAnalysis } from '../analysis/analyse.js';
import { KIND_LABELS } from '../analysis/data/catalogue.js';
import { statusLine } from '../analysis/explain.js';
import { identityLine } from '../analysis/planIdentity.js';
import { planHeading } from './text.js';
import { escapeXml as x } from './xml.js';

/**
 * `jfp-check --format junit`: JUnit XML with one test case per counted catalogue item,
 * grouped in one suite per kind. A missing item is a failure, a waived one is skipped,
 * a partly covered one passes with a note in its output.
 */
export function formatJunit(plan: PlanAnalysis, file: (uri: string) => string): string {
  const name = `${plan.index.catalogue.data.title} (${identityLine(plan.identity)})`;
  return junitDocument(`Joint Forward Plan coverage: ${name}`, [junitSuites(plan, file, '')]);
}

/**
 * The same for several plans: one document, each plan's suites named after the plan
 * ("Alpha Joint Forward Plan (alpha.md): Statutory duties"), so that no two suites share a name.
 */
export function formatJunitPlans(plans: readonly PlanAnalysis[], file: (uri: string) => string): string {
  return junitPlansDocument(plans.map((plan) => junitSuites(plan, file, `${planHeading(plan, file)}: `)));
}

/** One plan's suites as plain data (jfp-check builds them in a worker thread) and its counts. */
export interface JunitSuites {
  lines: string[];
  tests: number;
  failures: number;
  skipped: number;
}

/** The several-plan document from each plan's suites (see formatJunitPlans). */
export function junitPlansDocument(parts: readonly JunitSuites[]): string {
  return junitDocument(`Joint Forward Plan coverage: ${parts.length} plans`, parts);
}

/** A plan's suites, each named with `prefix` first. */
export function junitSuites(plan: PlanAnalysis, file: (uri: string) => string, prefix: string): JunitSuites {
  const counted = plan.coverage.filter((c) => c.counted);
  return { lines: suites(plan, file, prefix), tests: counted.length, failures: counted.filter((c) => c.status === 'missing').length, skipped: counted.filter((c) => c.status === 'waived').length };
}

function junitDocument(name: string, parts: readonly JunitSuites[]): string {
  const sum = (key: 'tests' | 'failures' | 'skipped') => parts.reduce((n, p) => n + p[key], 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="${x(name)}" tests="${sum('tests')}" failures="${sum('failures')}" errors="0" skipped="${sum('skipped')}">`);
  for (const part of parts) lines.push(...part.lines);
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function suites(plan: PlanAnalysis, file: (uri: string) => string, prefix: string): string[] {
  const counted = plan.coverage.filter((c) => c.counted);
  const kinds = [...new Set(counted.map((c) => c.kind))];
  const lines: string[] = [];
  for (const kind of kinds) {
    const cases = counted.filter((c) => c.kind === kind);
    const f = cases.filter((c) => c.status === 'missing').length;
    const s = cases.filter((c) => c.status === 'waived').length;
    lines.push(`  <testsuite name="${x(prefix + KIND_LABELS[kind])}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}">`);
    for (const c of cases) {
      const item = plan.index.catalogue.get(c.id)!;
      const where = c.evidence[0] ? `${file(c.evidence[0].uri)}:${c.evidence[0].line + 1}` : undefined;
      const attrs = `name="${x(c.title)}" classname="${x(`jfp.${kind}.${c.id}`)}"${where ? ` file="${x(where.replace(/:\d+$/, ''))}" line="${c.evidence[0]!.line + 1}"` : ''}`;
      const detail = `${c.title} (${item.legalBasis.citation}): ${statusLine(c)}`;
      if (c.status === 'missing') {
        lines.push(`    <testcase ${attrs}>`);
        lines.push(`      <failure message="${x(`Not covered: ${c.title}`)}" type="missing">${x(`${detail}. ${item.summary}`)}</failure>`);
        lines.push('    </testcase>');
      } else if (c.status === 'waived') {
        lines.push(`    <testcase ${attrs}>`);
        lines.push(`      <skipped message="${x(`Waived: ${c.waiver?.reason || 'no reason given'}`)}"/>`);
        lines.push('    </testcase>');
      } else {
        const sections = [...new Set(c.evidence.map((e) => `${file(e.uri)}:${e.line + 1} ${e.heading}`.trimEnd()))];
        lines.push(`    <testcase ${attrs}>`);
        lines.push(`      <system-out>${x(`${detail}\n${sections.join('\n')}`)}</system-out>`);
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  return lines;
}
