import type { PlanAnalysis } from '../analysis/analyse.js';
import { KIND_LABELS } from '../analysis/data/catalogue.js';
import { statusLine } from '../analysis/explain.js';
import { identityLine } from '../analysis/planIdentity.js';
import { escapeXml as x } from './xml.js';

/**
 * `jfp-check --format junit`: JUnit XML with one test case per counted catalogue item,
 * grouped in one suite per kind. A missing item is a failure, a waived one is skipped,
 * a partly covered one passes with a note in its output.
 */
export function formatJunit(plan: PlanAnalysis, file: (uri: string) => string): string {
  const counted = plan.coverage.filter((c) => c.counted);
  const kinds = [...new Set(counted.map((c) => c.kind))];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = counted.filter((c) => c.status === 'missing').length;
  const skipped = counted.filter((c) => c.status === 'waived').length;
  const name = `${plan.index.catalogue.data.title} (${identityLine(plan.identity)})`;
  lines.push(`<testsuites name="${x(`Joint Forward Plan coverage: ${name}`)}" tests="${counted.length}" failures="${failures}" errors="0" skipped="${skipped}">`);
  for (const kind of kinds) {
    const cases = counted.filter((c) => c.kind === kind);
    const f = cases.filter((c) => c.status === 'missing').length;
    const s = cases.filter((c) => c.status === 'waived').length;
    lines.push(`  <testsuite name="${x(KIND_LABELS[kind])}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}">`);
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
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
