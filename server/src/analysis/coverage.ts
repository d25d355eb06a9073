import { isCounted } from './data/catalogue.js';
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import type { DocumentAnalysis } from './model/document.js';
import { subtree } from './model/plan.js';
import type { CoverageSummary, Evidence, ItemCoverage, PlanMode } from './types.js';

/**
 * Scoring of signal-term evidence in one section (see docs/coverage.md): a section is
 * strong evidence when it holds at least `strongMinSpecific` distinct specific terms;
 * weak evidence when it holds one specific term or `weakMinGeneric` distinct generic
 * terms. The score (2 per distinct specific term, 1 per distinct generic term) ranks
 * the evidence sections of an item.
 */
export interface Scoring {
  specificWeight: number;
  genericWeight: number;
  strongMinSpecific: number;
  weakMinGeneric: number;
}

export const SCORING: Readonly<Scoring> = {
  specificWeight: 2,
  genericWeight: 1,
  strongMinSpecific: 2,
  weakMinGeneric: 2,
};

export interface SectionScore {
  specific: string[];
  generic: string[];
  score: number;
  strength: 'strong' | 'weak' | undefined;
}

export function scoreSection(terms: ReadonlyMap<string, number>, item: ItemTerms, scoring: Readonly<Scoring> = SCORING): SectionScore {
  // Most sections share no term with a given item: find that out over the smaller of the two.
  if (!sharesKey(terms, item.signals)) return { specific: [], generic: [], score: 0, strength: undefined };
  const specific: string[] = [];
  const generic: string[] = [];
  for (const [key, strength] of item.signals) {
    if (!terms.has(key)) continue;
    (strength === 'specific' ? specific : generic).push(key);
  }
  const score = scoring.specificWeight * specific.length + scoring.genericWeight * generic.length;
  let strength: SectionScore['strength'];
  if (specific.length >= scoring.strongMinSpecific) strength = 'strong';
  else if (specific.length >= 1 || generic.length >= scoring.weakMinGeneric) strength = 'weak';
  return { specific, generic, score, strength };
}

function sharesKey(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small.keys()) if (large.has(key)) return true;
  return false;
}

export interface CoverageOptions {
  mode: PlanMode;
  /** Thresholds (default SCORING); the accuracy benchmark tries others, leave-one-ICB-out. */
  scoring?: Readonly<Scoring>;
}

/** Coverage of every catalogue item across all the documents of one plan. */
export function computeCoverage(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): ItemCoverage[] {
  return index.catalogue.items.map((item) => itemCoverage(docs, index.items.get(item.id)!, options));
}

function itemCoverage(docs: readonly DocumentAnalysis[], terms: ItemTerms, options: CoverageOptions): ItemCoverage {
  const { item } = terms;
  const explicit: Evidence[] = [];
  const strong: Evidence[] = [];
  const weak: { evidence: Evidence; score: number }[] = [];
  const found = new Set<string>();
  let waiver: ItemCoverage['waiver'];

  for (const doc of docs) {
    const { plan } = doc;
    for (const tag of plan.tags) {
      if (tag.kind === 'waive' && tag.ids[0]?.id === item.id) {
        waiver ??= { uri: doc.uri, line: plan.lines.positionAt(tag.start).line, reason: tag.reason };
      }
    }
    const mapped = new Map(doc.mappings.filter((m) => m.itemId === item.id).map((m) => [m.section, m.how] as const));
    const covered = new Set<number>();
    for (const [i, how] of mapped) {
      const sections = subtree(plan.sections, i);
      const inSection = new Set<string>();
      for (const s of sections) {
        covered.add(s.index);
        for (const key of doc.sectionTerms[s.index]!.keys()) inSection.add(key);
      }
      for (const key of inSection) found.add(key);
      const root = plan.sections[i]!;
      explicit.push(evidence(doc, root.start, root.depth === 0 ? root.end : root.treeEnd, root.heading, how, [...inSection].filter((k) => terms.signals.has(k)), 'strong'));
    }
    plan.sections.forEach((section, i) => {
      if (covered.has(i)) return;
      const sectionTerms = doc.sectionTerms[i]!;
      const score = scoreSection(sectionTerms, terms, options.scoring);
      if (!score.strength) return;
      const e = evidence(doc, section.start, section.end, section.heading, 'terms', [...score.specific, ...score.generic], score.strength);
      if (score.strength === 'strong') {
        strong.push(e);
        for (const key of sectionTerms.keys()) found.add(key);
      } else {
        weak.push({ evidence: e, score: score.score });
      }
    });
  }

  let status: ItemCoverage['status'];
  let evidenceList: Evidence[];
  if (explicit.length > 0 || strong.length > 0) {
    status = 'addressed';
    evidenceList = [...explicit, ...strong];
  } else if (weak.length > 0) {
    status = 'partial';
    weak.sort((a, b) => b.score - a.score);
    evidenceList = weak.map((w) => w.evidence);
    for (const w of weak) for (const t of w.evidence.terms) found.add(t);
  } else {
    status = 'missing';
    evidenceList = [];
  }
  if (waiver) status = 'waived';

  const missing = item.keyElements.filter((_, i) => !terms.elements[i]!.some((t) => found.has(t))).map((e) => e.label);
  const counted = isCounted(item) && (item.modes === undefined || item.modes.includes(options.mode));
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    counted,
    status,
    evidence: evidenceList,
    elements: { covered: item.keyElements.length - missing.length, total: item.keyElements.length, missing },
    ...(waiver ? { waiver } : {}),
  };
}

function evidence(doc: DocumentAnalysis, start: number, end: number, heading: string, how: Evidence['how'], terms: string[], strength: Evidence['strength']): Evidence {
  const { lines } = doc.plan;
  // The range ends on the last line that has content, not on the next heading's line.
  const endLine = Math.max(lines.positionAt(start).line, lines.positionAt(Math.max(start, end - 1)).line);
  return { uri: doc.uri, heading, line: lines.positionAt(start).line, endLine, how, terms, strength };
}

export function summarise(coverage: readonly ItemCoverage[]): CoverageSummary {
  const summary: CoverageSummary = { addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 };
  for (const c of coverage) {
    if (!c.counted) continue;
    summary[c.status]++;
    summary.total++;
  }
  return summary;
}

/** Share of counted items covered, as a whole percentage: addressed and waived count fully, partial half. */
export function coveragePercent(summary: CoverageSummary): number {
  if (summary.total === 0) return 100;
  return Math.round((100 * (summary.addressed + summary.waived + summary.partial / 2)) / summary.total);
}
