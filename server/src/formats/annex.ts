import type { PlanAnalysis } from '../analysis/analyse.js';
import { isStatutory } from '../analysis/data/catalogue.js';
import type { DocumentAnalysis } from '../analysis/model/document.js';
import { headingSlugs } from '../analysis/model/slug.js';
import type { ItemCoverage } from '../analysis/types.js';
import { relativeFrom } from '../host/uri.js';

export const ANNEX_START = '<!-- jfp-annex:start -->';
export const ANNEX_END = '<!-- jfp-annex:end -->';
export const ANNEX_TITLE = 'How this plan meets its statutory requirements';

export const STATUS_LABELS: Record<ItemCoverage['status'], string> = {
  addressed: 'Met',
  partial: 'Partly met',
  missing: 'Not yet met',
  waived: 'Waived',
};

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Counted statutory items of the plan, in catalogue order. */
export function statutoryItems(plan: PlanAnalysis): ItemCoverage[] {
  return plan.coverage.filter((c) => c.counted && isStatutory(plan.index.catalogue.get(c.id)!));
}

/** The anchor of the section starting on a 0-based line of a document, or undefined. */
export function sectionAnchor(doc: DocumentAnalysis | undefined, line: number): string | undefined {
  if (!doc) return undefined;
  const headed = doc.plan.sections.filter((s) => s.depth > 0);
  const slugs = headingSlugs(headed.map((s) => s.heading));
  const i = headed.findIndex((s) => doc.plan.lines.positionAt(s.start).line === line);
  return i >= 0 ? slugs[i] : undefined;
}

/**
 * A link from the document at `fromUri` to a section of the plan: `#slug` in the same
 * document, else a relative path with the anchor. URIs are compared as given.
 */
export function sectionLink(plan: PlanAnalysis, fromUri: string | undefined, uri: string, line: number): string {
  const anchor = sectionAnchor(
    plan.documents.find((d) => d.uri === uri),
    line,
  );
  const hash = anchor ? `#${anchor}` : '';
  if (uri === fromUri) return hash || '#';
  const plain = (u: string) => safeDecode(u.replace(/^file:\/\//, ''));
  const target = plain(uri);
  const from = fromUri === undefined ? undefined : plain(fromUri);
  const rel = from ? relativeFrom(from, target) : target.slice(target.lastIndexOf('/') + 1);
  return `${rel.split('/').map(encodeURIComponent).join('/')}${hash}`;
}

export interface AnnexRow {
  id: string;
  title: string;
  legalBasis: string;
  status: ItemCoverage['status'];
  /** The sections that meet the item, as links relative to the annex's document. */
  links: { text: string; href: string }[];
  /** The waiver reason, when waived with one. */
  waiver?: string;
  /** A waiver of a statutory item, which a plan cannot waive: shown, but the item is not met. */
  notMet?: boolean;
}

/** The rows of the annex (shared by the Markdown annex and the HTML report). */
export function annexRows(plan: PlanAnalysis, fromUri: string | undefined = plan.primary): AnnexRow[] {
  return statutoryItems(plan).map((c) => {
    const seen = new Set<string>();
    const links: AnnexRow['links'] = [];
    for (const e of c.status === 'waived' ? [] : c.evidence) {
      const key = `${e.uri}#${e.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ text: e.heading || 'Opening text', href: sectionLink(plan, fromUri, e.uri, e.line) });
    }
    return {
      id: c.id,
      title: c.title,
      legalBasis: plan.index.catalogue.get(c.id)!.legalBasis.citation,
      status: c.status,
      links,
      ...(c.waiver?.reason ? { waiver: c.waiver.reason } : {}),
      ...(c.waiver?.notMet ? { notMet: true } : {}),
    };
  });
}

/**
 * The coverage annex: a Markdown section with one table row per statutory item, between
 * the annex markers. Links are relative to `fromUri` (the document the annex goes into).
 */
export function buildAnnex(plan: PlanAnalysis, fromUri: string | undefined = plan.primary): string {
  const lines = [
    ANNEX_START,
    `## ${ANNEX_TITLE}`,
    '',
    `Made by jfp-assist from the text of this plan, checked as a ${plan.identity.type.name} against the ${plan.identity.edition.id} edition of the catalogue (${plan.identity.edition.title}). To update it, run *Insert coverage annex* again (or \`jfp-check --format annex\`); changes made by hand are lost.`,
    '',
    '| Requirement | Legal basis | Status | Where the plan meets it |',
    '|---|---|---|---|',
  ];
  for (const row of annexRows(plan, fromUri)) {
    const where = row.status === 'waived' ? `Waived: ${cell(row.waiver ?? 'no reason given')}` : row.notMet && row.status !== 'addressed' ? `Waived (not met): ${cell(row.waiver ?? 'no reason given')}` : row.links.map((l) => `[${cell(l.text)}](${l.href})`).join(', ') || '—';
    lines.push(`| ${cell(row.title)} | ${cell(row.legalBasis)} | ${STATUS_LABELS[row.status]} | ${where} |`);
  }
  lines.push('', ANNEX_END);
  return lines.join('\n') + '\n';
}

/** Offsets of the existing annex (start marker to end of end marker), if any. */
export function findAnnex(text: string): { start: number; end: number } | undefined {
  // Markers count only on a line of their own and outside fenced code, so a plan that quotes
  // them in an example is never cut into.
  let start: number | undefined;
  let fence: string | undefined;
  let offset = 0;
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(offset, lineEnd).replace(/\r?\n$/, '');
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = undefined;
    } else if (opener) {
      fence = opener[1];
    } else if (start === undefined && line.trim() === ANNEX_START) {
      start = offset;
    } else if (start !== undefined && line.trim() === ANNEX_END) {
      return { start, end: lineEnd };
    }
    if (nl < 0) break;
    offset = lineEnd;
  }
  return undefined;
}

/**
 * Where and what to write so the document holds the current annex: the existing annex is
 * replaced in place; otherwise the annex is appended after a blank line.
 */
export function annexReplacement(text: string, annex: string): { start: number; end: number; newText: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = eol === '\n' ? annex : annex.replace(/\n/g, eol);
  const existing = findAnnex(text);
  if (existing) return { ...existing, newText: body };
  const sep = text.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return { start: text.length, end: text.length, newText: sep + body };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
