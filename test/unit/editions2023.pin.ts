import { analyseText } from '../../server/src/analysis/analyse.js';

/**
 * The example plan's coverage under the 2023 edition, as pinned in test/data/example-2023-coverage.json.
 * jfp.plan.edition is left out: it rightly says that the example's period fits a newer edition.
 */
export function pinnedCoverage(text: string): unknown {
  const plan = analyseText('file:///w/wessex-vale-joint-forward-plan.md', text, undefined, {
    edition: { edition: '2023', source: 'settings' },
    levels: { 'jfp.plan.edition': 'off' },
    ruleOptions: { now: new Date('2026-12-01T12:00:00Z') },
  });
  const findings = plan.findings.get('file:///w/wessex-vale-joint-forward-plan.md') ?? [];
  const codes: Record<string, number> = {};
  for (const f of findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  return {
    edition: plan.identity.edition.id,
    summary: plan.summary,
    percent: plan.percent,
    items: Object.fromEntries(plan.coverage.map((c) => [c.id, `${c.status}${c.counted ? '' : ' (not counted)'}, ${c.elements.covered}/${c.elements.total} key elements`])),
    findings: Object.fromEntries(Object.entries(codes).sort()),
  };
}
