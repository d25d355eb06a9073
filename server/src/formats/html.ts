import type { PlanAnalysis } from '../analysis/analyse.js';
import { KIND_LABELS } from '../analysis/data/catalogue.js';
import { mainDocument } from '../analysis/analyse.js';
import type { CoverageStatus, ItemKind } from '../analysis/types.js';
import { ANNEX_TITLE, annexRows, STATUS_LABELS } from './annex.js';
import { groupFindings, reviewDiagnostics, type ReportDiagnostic } from './findingGroups.js';
import { escapeXml as h } from './xml.js';
import { identityLine } from '../analysis/planIdentity.js';
import { countingNote, coverageFigure, statutoryGaps } from '../analysis/present/headline.js';

export interface HtmlOptions {
  /** The date shown as "generated on" (injectable for tests). */
  now: Date;
}

const COLOURS: Record<CoverageStatus, string> = { addressed: '#007f3b', partial: '#ffb81c', missing: '#d5281b', waived: '#768692' };
const ORDER: CoverageStatus[] = ['addressed', 'partial', 'waived', 'missing'];

const CSS = `body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #005eb8;padding-bottom:.2rem}
.meta{color:#4c6272}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d8dde0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f5}details{margin:.3rem 0}summary{cursor:pointer}.status{font-weight:bold;white-space:nowrap}.addressed{color:#007f3b}.partial{color:#8a5a00}.missing{color:#d5281b}.waived{color:#4c6272}
.sev-error{color:#d5281b}.sev-warning{color:#8a5a00}.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}`;

/** The plan's title and period, from its title heading and front matter. */
export function planTitle(plan: PlanAnalysis): { title: string; period: string | undefined } {
  const main = mainDocument(plan.documents);
  const fm = main?.plan.frontMatter?.data ?? {};
  const title = main?.plan.title?.text || (typeof fm.title === 'string' ? fm.title : '') || 'Joint Forward Plan';
  return { title, period: typeof fm.period === 'string' ? fm.period : undefined };
}

/** An inline SVG bar chart: one bar per kind of item, split by status. */
export function coverageChart(plan: PlanAnalysis): string {
  const counted = plan.coverage.filter((c) => c.counted);
  const kinds = [...new Set(counted.map((c) => c.kind))] as ItemKind[];
  const barWidth = 420;
  const rowHeight = 34;
  const labelWidth = 230;
  const height = kinds.length * rowHeight + 10;
  const rows = kinds.map((kind, i) => {
    const items = counted.filter((c) => c.kind === kind);
    let x = labelWidth;
    const y = 5 + i * rowHeight;
    const parts = ORDER.map((status) => {
      const n = items.filter((c) => c.status === status).length;
      if (n === 0) return '';
      const w = (barWidth * n) / items.length;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="24" fill="${COLOURS[status]}"><title>${h(`${KIND_LABELS[kind]}: ${n} ${STATUS_LABELS[status].toLowerCase()}`)}</title></rect>`;
      const text = w >= 18 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 17}" text-anchor="middle" fill="#fff" font-size="13">${n}</text>` : '';
      x += w;
      return rect + text;
    });
    const addressed = items.filter((c) => c.status === 'addressed' || c.status === 'waived').length;
    return `<text x="0" y="${y + 17}" font-size="13" fill="#212b32">${h(KIND_LABELS[kind])} (${addressed}/${items.length})</text>${parts.join('')}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Coverage by kind of item" width="${labelWidth + barWidth}" height="${height}" viewBox="0 0 ${labelWidth + barWidth} ${height}">${rows.join('')}</svg>`;
}

/**
 * Findings grouped by check (see findingGroups.ts): one line per check with its count and
 * worst example, the places collapsed in a `<details>` element.
 */
export function findingGroups(plan: PlanAnalysis, file: (uri: string) => string, diagnostics: readonly ReportDiagnostic[]): string {
  return groupFindings(plan, file, diagnostics)
    .map((g) => {
      const places = g.places.map((p) => `<li>${h(p.file)} · ${h(p.section)}, line ${p.line}: ${h(p.message)}</li>`);
      return `<details><summary><span class="sev-${g.severity}">${h(g.severity)}</span> ${h(g.code)} × ${g.count}: ${h(g.example)}</summary>\n<ul>${places.join('\n')}</ul></details>`;
    })
    .join('\n');
}

/**
 * `jfp-check --format html` and "Export coverage report": one self-contained HTML page for
 * a board paper (inline CSS and SVG, no scripts, no external links other than the plan's own).
 */
export function formatHtml(plan: PlanAnalysis, file: (uri: string) => string, options: HtmlOptions): string {
  const { title, period } = planTitle(plan);
  const s = plan.summary;
  const catalogue = plan.index.catalogue;
  const legend = ORDER.map((st) => `<span><i style="background:${COLOURS[st]}"></i>${STATUS_LABELS[st]}</span>`).join('');
  const rows = annexRows(plan).map((r) => {
    const where = r.status === 'waived' ? `Waived: ${h(r.waiver ?? 'no reason given')}` : r.links.map((l) => h(l.text)).join(', ') || '—';
    return `<tr><td>${h(r.title)}</td><td>${h(r.legalBasis)}</td><td class="status ${r.status}">${STATUS_LABELS[r.status]}</td><td>${where}</td></tr>`;
  });
  const diagnostics = reviewDiagnostics(plan, file);
  const findings = findingGroups(plan, file, diagnostics);
  const gaps = statutoryGaps(plan.coverage);
  const partial = plan.coverage.filter((c) => c.counted && c.status === 'partial');
  const otherMissing = plan.coverage.filter((c) => c.counted && c.status === 'missing' && !gaps.includes(c));
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`Coverage report: ${title}`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p class="meta">${period ? `Period: ${h(period)} · ` : ''}${h(plan.mode === 'summary' ? 'Public summary' : 'Full plan')} · ${h(identityLine(plan.identity))} · Files: ${plan.documents.map((d) => h(file(d.uri))).join(', ')}</p>
<h2>Summary</h2>
<p><strong>${h(coverageFigure(s, plan.percent))}</strong>: ${s.addressed} addressed, ${s.partial} partly covered, ${s.missing} not covered, ${s.waived} waived, of ${s.total} items. ${h(countingNote())}</p>
<h2>Statutory gaps</h2>
${gaps.length === 0 ? '<p>None: every statutory item is at least partly covered.</p>' : `<ul>${gaps.map((g) => `<li class="missing">${h(g.title)}</li>`).join('')}</ul>`}
${otherMissing.length === 0 ? '' : `<p>Other items not covered: ${otherMissing.map((c) => h(c.title)).join('; ')}.</p>`}
${partial.length === 0 ? '' : `<p>Partly covered: ${partial.map((c) => h(c.title)).join('; ')}.</p>`}
${coverageChart(plan)}
<p class="legend">${legend}</p>
<h2>${h(ANNEX_TITLE)}</h2>
<table>
<thead><tr><th>Requirement</th><th>Legal basis</th><th>Status</th><th>Where the plan meets it</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Points to review</h2>
${diagnostics.length === 0 ? '<p>None: jfp-assist found nothing to review.</p>' : `<p>${diagnostics.length} points, grouped by check; open a group for where they are.</p>\n${findings}`}
<hr>
<p class="meta">Generated by jfp-assist on ${h(options.now.toISOString().slice(0, 10))} from ${h(catalogue.data.title)}, edition ${h(catalogue.edition)}. Coverage is found from the plan's wording and jfp comments; it supports, and does not replace, a reader's judgement.</p>
</body>
</html>
`;
}
