/** The shapes PlanWorkspace keeps: a document's effective configuration, and what it holds for each open document. */
import type { CatalogueIndex } from '../analysis/data/catalogueIndex.js';
import type { ConfigSource, JfpConfig } from '../analysis/data/config.js';
import type { SkipReason } from '../analysis/limits.js';
import type { DocumentAnalysis } from '../analysis/model/document.js';
import type { IncrementalParser } from '../analysis/model/incremental.js';

export interface EffectiveConfig {
  config: JfpConfig;
  sources: Record<keyof JfpConfig, ConfigSource>;
  isPlanPath: (p: string) => boolean;
}

export interface OpenEntry {
  version: number;
  analysis: DocumentAnalysis;
  isPlan: boolean;
  parser: IncrementalParser;
  /** The catalogue index its plan was last analysed against: the next version's terms are found against it. */
  index?: CatalogueIndex;
  /** Why the document is not analysed (too large, or not text), decided once per version. */
  skipped?: { reason: SkipReason; maxMB: number };
  /** A newer version's parse has moved this version's syntax tree (its analysis is not recorded yet). */
  treeMoved?: boolean;
  /** The last update changed what decides which plan it is in (front matter plan, title, files): other plans may have changed too. */
  regrouped?: boolean;
}
