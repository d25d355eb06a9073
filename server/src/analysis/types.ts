/**
 * Plain data shared by the analysis layer, the language server, the CLI and the client.
 * Nothing here depends on VS Code or on LSP types: positions are 0-based line and
 * UTF-16 character, like LSP, but declared here as plain objects.
 */

import type { CoverageStatus, EvidenceHow, ItemKind } from '../../../shared/coverage.js';
import { DEFAULT_CONFIG } from './data/config.js';

export { COUNTED_KINDS, STATUTORY_KINDS } from '../../../shared/coverage.js';
export type { CoverageStatus, CoverageSummary, EvidenceHow, ItemKind } from '../../../shared/coverage.js';
export type { Finding, FindingCode, FindingData, FindingFix } from './rules/findings.js';

export type Confidence = 'confirmed' | 'excerpt' | 'memory' | 'unconfirmed';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Level = Severity | 'off';
export type PlanMode = 'full' | 'summary';

export interface SignalTerm {
  term: string;
  strength: 'specific' | 'generic';
}

export interface KeyElement {
  label: string;
  terms: string[];
  confidence?: Confidence;
}

export interface CatalogueItem {
  id: string;
  title: string;
  heading: string;
  aliases: string[];
  kind: ItemKind;
  legalBasis: { citation: string; confidence: Confidence; note?: string };
  summary: string;
  prompt?: string;
  keyElements: KeyElement[];
  signalTerms: SignalTerm[];
  /** The item's own topic words: one use is a passing mention (see docs/coverage.md). */
  topicTerms?: string[];
  /** Phrases that use a word of the item in another sense: a term inside one is not evidence. */
  notTerms?: string[];
  /** Word groups that, all named in one sentence, are a passing mention. */
  together?: string[][][];
  resources: { title: string; note?: string; confidence?: Confidence }[];
  guidanceSource: { document: string; section: string };
  severity: Level;
  modes?: PlanMode[];
}

export interface Catalogue {
  id: string;
  title: string;
  edition: string;
  description?: string;
  sources: { id: string; title: string; publisher?: string; date?: string; reference?: string; confidence?: Confidence }[];
  items: CatalogueItem[];
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Evidence {
  /** Document URI (in the CLI, a file path). */
  uri: string;
  /** Heading text of the section, or '' for text before the first heading. */
  heading: string;
  /** 0-based line range of the section (heading line to last line). */
  line: number;
  endLine: number;
  how: EvidenceHow;
  /** Distinct signal terms found, as written in the catalogue. */
  terms: string[];
  /** 'strong' evidence alone addresses an item; 'weak' makes it partial. */
  strength: 'strong' | 'weak';
  /** The sentence or list item that is the best evidence in the section, if any. */
  quote?: string;
}

export interface ElementCoverage {
  covered: number;
  total: number;
  missing: string[];
}

export interface ItemCoverage {
  id: string;
  title: string;
  kind: ItemKind;
  counted: boolean;
  status: CoverageStatus;
  evidence: Evidence[];
  elements: ElementCoverage;
  /** Set when the item is missing although a section is mapped to it: the section has no content yet. */
  started?: boolean;
  /**
   * A jfp-waive comment for the item. `notMet`: the item is a statutory duty or requirement, which a
   * plan cannot waive; its status stays what the text shows, and the waiver is shown as "waived (not met)".
   */
  waiver?: { uri: string; line: number; reason: string; notMet?: boolean };
}

/** Settings that rules read (beyond their level). */
export interface RuleOptions {
  /** The relevant Health and Wellbeing Boards (NHS Act 2006 s.14Z52(7)), as named in the config. */
  healthAndWellbeingBoards: string[];
  readability: {
    /** Sentences longer than this many words are reported (jfp.style.sentence-length). */
    maxSentenceWords: number;
    /** Sections whose SMOG grade is above this are reported (jfp.style.readability). */
    smogThreshold: number;
  };
  /** "Today", for checks that depend on the date (injectable for tests). */
  now: Date;
  /** Partner trusts the plan must name (from .jfp.json "organisations"); empty: any trust named will do. */
  partnerTrusts: string[];
  /** Set when the document is a plan file that could belong to more than one plan (see planGroups.ts): it is checked on its own. */
  unassigned?: UnassignedContext;
}

/** The plans an unassigned file could belong to (jfp.plan.ambiguous-file). */
export interface UnassignedContext {
  candidates: { uri: string; title: string }[];
  /** 'listed': more than one main document lists it; 'folder': none does, and more than one is near. */
  reason: 'listed' | 'folder';
}

/** The rule options when nothing is configured: the configuration defaults (DEFAULT_CONFIG), the one place they are written. */
export const DEFAULT_RULE_OPTIONS: RuleOptions = {
  healthAndWellbeingBoards: DEFAULT_CONFIG.healthAndWellbeingBoards,
  readability: DEFAULT_CONFIG.readability,
  now: new Date(),
  partnerTrusts: [],
};
