import { CONFIDENCE_LABELS, KIND_LABELS } from './data/catalogue.js';
import { itemEditions } from './data/editions.js';
import type { CatalogueItem, ItemCoverage } from './types.js';

export type TextFormat = 'markdown' | 'plaintext';

const STATUS_TEXT: Record<ItemCoverage['status'], string> = {
  addressed: 'addressed',
  partial: 'partly covered',
  missing: 'not covered',
  waived: 'waived',
};

/** One line describing an item's status in a plan, e.g. "addressed · 2 sections". */
export function statusLine(c: ItemCoverage): string {
  // A statutory item cannot be waived: the waiver is shown, and the item is not met.
  if (c.waiver?.notMet && c.status !== 'addressed') return `waived (not met) · ${c.waiver.reason || 'no reason given'}`;
  if (c.started) return 'section started, no content yet';
  switch (c.status) {
    case 'addressed':
    case 'partial': {
      const n = new Set(c.evidence.map((e) => `${e.uri}#${e.line}`)).size;
      return `${STATUS_TEXT[c.status]} · ${n} section${n === 1 ? '' : 's'}`;
    }
    case 'waived':
      return c.waiver?.reason ? `waived · ${c.waiver.reason}` : 'waived · no reason given';
    default:
      return STATUS_TEXT[c.status];
  }
}

/** The quoted evidence behind a verdict, so that a reviewer can check it (or that none was found). */
export function evidenceLine(c: ItemCoverage, esc: (s: string) => string = (s) => s): string {
  if (c.status === 'waived') return c.waiver?.reason ? `Waived: ${esc(c.waiver.reason)}` : 'Waived without a reason.';
  const e = c.evidence.find((x) => x.quote);
  if (e) return `Evidence (${e.heading ? `"${esc(e.heading)}"` : 'opening text'}, line ${e.line + 1}): “${esc(e.quote!)}”`;
  if (c.started) return `The section "${esc(c.evidence[0]?.heading ?? '')}" has no content about it yet.`;
  return 'No evidence found in the plan.';
}

/** The explanation of an item shown in hovers and in "Show guidance", with this plan's status when known. */
export function explainItem(item: CatalogueItem, coverage: ItemCoverage | undefined, format: TextFormat): string {
  const md = format === 'markdown';
  const bold = (s: string) => (md ? `**${s}**` : s);
  const esc = (s: string) => (md ? s.replace(/([\\`*_[\]<>])/g, '\\$1') : s);
  const out: string[] = [];
  out.push(`${bold(esc(item.title))} · ${KIND_LABELS[item.kind]}`);
  const basis = item.legalBasis;
  out.push(`Legal basis: ${esc(basis.citation)} (${CONFIDENCE_LABELS[basis.confidence]})${basis.note ? `. ${esc(basis.note)}` : ''}`);
  out.push(esc(item.summary));
  if (coverage) {
    out.push(`In this plan: ${esc(statusLine(coverage))}`);
    out.push(evidenceLine(coverage, esc));
  }
  if (item.keyElements.length > 0) {
    const missing = new Set(coverage?.status === 'waived' ? [] : (coverage?.elements.missing ?? []));
    const header = coverage ? `Key elements (${coverage.elements.covered}/${coverage.elements.total} found):` : 'Key elements:';
    const rows = item.keyElements.map((e) => {
      const mark = coverage ? (missing.has(e.label) ? '✗' : '✓') : '•';
      const unconfirmed = e.confidence === 'memory' || e.confidence === 'unconfirmed' ? ' (unconfirmed)' : '';
      return `${md ? '- ' : '  '}${mark} ${esc(e.label)}${unconfirmed}`;
    });
    out.push([header, ...rows].join('\n'));
  }
  if (item.resources.length > 0) {
    const rows = item.resources.map((r) => `${md ? '- ' : '  • '}${md ? `*${esc(r.title)}*` : r.title}${r.note ? `: ${esc(r.note)}` : ''}`);
    out.push(['Resources:', ...rows].join('\n'));
  }
  out.push(`Source: ${esc(item.guidanceSource.document)}, ${esc(item.guidanceSource.section)}.`);
  const editions = itemEditions(item.id);
  if (editions) out.push(`Catalogue editions: ${editions.editions.join(', ')} (source ${esc(editions.source)}, ${esc(editions.date)}).`);
  return out.join('\n\n');
}
