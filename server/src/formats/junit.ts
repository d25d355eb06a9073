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
  return junitDocument(`Joint Forward Plan coverage: ${name}`, [plan], file, () => '');
}

/**
 * The same for several plans: one document, each plan's suites named after the plan
 * ("Alpha Joint Forward Plan (alpha.md): Statutory duties"), so that no two suites share a name.
 */
export function formatJunitPlans(plans: readonly PlanAnalysis[], file: (uri: string) => string): string {
  return junitDocument(`Joint Forward Plan coverage: ${plans.length} plans`, plans, file, (plan) => `${planHeading(plan, file)}: `);
}

function junitDocument(name: string, plans: readonly PlanAnalysis[], file: (uri: string) => string, prefix: (plan: PlanAnalysis) => string): string {
  const all = plans.flatMap((p) => p.coverage.filter((c) => c.counted));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="${x(name)}" tests="${all.length}" failures="${all.filter((c) => c.status === 'missing').length}" errors="0" skipped="${all.filter((c) => c.status === 'waived').length}">`);
  for (const plan of plans) lines.push(...suites(plan, file, prefix(plan)));
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
