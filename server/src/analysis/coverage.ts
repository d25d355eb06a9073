import { finish, type Steps } from './steps.js';
import type { CatalogueIndex, ItemTerms } from './data/catalogueIndex.js';
import { blocksSteps, type DocBlocks } from './blocks.js';
import { endQuotes } from './evidence.js';
import { endMerges, partEvidence } from './itemEvidence.js';
import { itemResult, type ItemContext } from './itemReuse.js';
import { mappedVerdict, SCORING, type Scoring } from './scoring.js';
import { evidenceEpoch } from './sectionEvidence.js';
import type { DocumentAnalysis } from './model/document.js';
import { subtree } from './model/plan.js';
import type { CoverageSummary, ItemCoverage, PlanMode } from './types.js';

export { evidenceScore, mentions, SCORING, type Scoring } from './scoring.js';
export { insideOneOf, withoutNested } from './itemStatus.js';

export interface CoverageOptions {
  mode: PlanMode;
  /** Thresholds (default SCORING); the accuracy benchmark tries others, leave-one-ICB-out. */
  scoring?: Readonly<Scoring>;
}

/** Coverage of every catalogue item across all the documents of one plan. */
export function computeCoverage(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): ItemCoverage[] {
  return finish(coverageSteps(docs, index, options));
}

/** The same, pausing after each item and while sections are scored (so that the language server can answer requests meanwhile). */
export function* coverageSteps(docs: readonly DocumentAnalysis[], index: CatalogueIndex, options: CoverageOptions): Steps<ItemCoverage[]> {
  // Each document's sections are scored a few at a time first (all of them when a plan is opened).
  const blocks: DocBlocks[] = [];
  for (const d of docs) blocks.push(yield* blocksSteps(d, index));
  const context: ItemContext = {
    docs,
    blocks,
    order: new Map(docs.map((d, i) => [d, i])),
    epoch: evidenceEpoch(index),
    mode: options.mode,
    scoring: options.scoring ?? SCORING,
  };
  const coverage: ItemCoverage[] = [];
  for (const [slot, item] of index.catalogue.items.entries()) {
    coverage.push(itemResult(context, index.items.get(item.id)!, slot));
    yield;
  }
  endQuotes();
  endMerges();
  return coverage;
}

/**
 * True when mapping a section (and its subsections) to the item would address it: the quick
 * fix "Map this section" is offered only then, so that a fix never turns an item green
 * without text that covers it.
 */
export function mappingWouldAddress(doc: DocumentAnalysis, section: number, terms: ItemTerms, scoring: Readonly<Scoring> = SCORING): boolean {
  const evidence = partEvidence(doc, subtree(doc.plan.sections, section), terms, section);
  return mappedVerdict(evidence, scoring) === 'addressed';
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
