/**
 * Findings and the data each code carries. The data travels with the LSP diagnostic (its
 * `data` field) to code actions, so it is declared once here, per code: a rule can only
 * report the data of its own code, and readers get it typed without casting.
 */
import type { Range, Severity } from '../types.js';

/** A safe, self-contained fix carried by a finding: applied by quick fixes and by "fix all". */
export interface FindingFix {
  title: string;
  edits: { range: Range; newText: string }[];
}

/** A finding carried by another on the same line (see ../present/lineCap.ts). */
export interface CarriedFinding {
  code: string;
  severity: Severity;
  message: string;
  fix?: FindingFix;
}

/** What every finding's data may carry, whatever its code. */
export interface CommonData {
  fix?: FindingFix;
  /** Set by ../present/grouping.ts: how many findings of this code in this section, and where the others are. */
  grouped?: number;
  others?: Range[];
  /** Set by ../present/lineCap.ts: the findings this one carries (more than two on its line). */
  also?: CarriedFinding[];
}

/** Data of a plan-level summary on the title (../present/planSummary.ts). */
export interface PlanSummaryData {
  summary: true;
  /** Missing items summed up. */
  itemIds: string[];
  /** Partly covered items summed up. */
  partialIds: string[];
  /** The other findings summed up, in full. */
  parts: { code: string; message: string }[];
}

/** Data of a finding that carries nothing more than its message. */
export type NoData = Record<never, never>;

/** Data of a finding from a plain "phrase absent" process rule (schemas/process-rules.json): the phrase group that was not found. */
export interface AbsentPhraseData {
  group: string;
}

/** The "phrase absent" process rules shipped in schemas/process-rules.json (see processAbsent.ts). */
export type AbsentPhraseCode = 'jfp.process.partner-trusts' | 'jfp.process.capital-plan' | 'jfp.process.strategy-references';

export type PeriodProblem = 'missing' | 'unreadable' | 'length' | 'stale';

/** The data of each code's findings. Adding a rule means adding its code here. */
export interface FindingDataByCode extends Record<AbsentPhraseCode, AbsentPhraseData> {
  /** `started`: a section is mapped to the item but has no content yet. */
  'jfp.duty.missing': { itemId: string; started?: boolean };
  /**
   * `line`: the heading line of the best evidence, where the quick fix adds a mapping; only
   * when mapping that section would address the item (a fix never turns an item green without text).
   */
  'jfp.duty.partial': { itemId: string; line?: number };
  'jfp.element.missing': { itemId: string; missing: string[] };
  /** No `unknownId` when the comment names no id at all. */
  'jfp.tag.unknown': { unknownId?: string; suggestion?: string };
  'jfp.waiver.no-reason': { itemId: string };
  'jfp.waiver.statutory': { itemId: string };
  'jfp.acronym.undefined': { abbreviation: string; expansion: string };
  'jfp.term.outdated': { term: string; replacement?: string };
  'jfp.plan.period': { problems: PeriodProblem[]; suggestedPeriod: string; source?: 'front matter' | 'title' | 'text'; firstYear?: number; years?: number };
  /** `switchTo`: a quick fix (never in "fix all") writing the edition that fits into the front matter. */
  'jfp.plan.edition': { problem: 'older' | 'unknown'; edition?: string; fitting?: string; switchTo?: FindingFix };
  'jfp.process.consultation-summary': { missing: ('views' | 'response')[] };
  'jfp.process.hwb-opinion': { boardsConfigured: boolean; board?: string };
  'jfp.process.change-log': { missing: 'change-log' | 'significance' };
  'jfp.style.sentence-length': { words: number; limit: number };
  'jfp.style.readability': { smog: number; threshold: number; sentences: number; polysyllables: number };
  'jfp.style.link-text': { text: string };
  'jfp.style.image-alt': NoData;
  'jfp.style.heading-increment': { depth: number; expected: number };
  /** A rule that failed, or a document that could not be analysed. */
  'jfp.internal': NoData;
  'jfp.file.too-large': NoData;
  'jfp.file.binary': NoData;
  /** Part of the document read as plain text (see model/bound.ts). */
  'jfp.file.simplified': { reasons: ('nesting' | 'inline' | 'front-matter')[] };
  /** A plan file that could belong to more than one plan: the main documents it could belong to. */
  'jfp.plan.ambiguous-file': { candidates: string[]; reason: 'listed' | 'folder' };
  /** A problem in .jfp.json. */
  'jfp.config.invalid': NoData;
  'jfp.plan.summary': PlanSummaryData;
}

export type FindingCode = keyof FindingDataByCode;

export type FindingData<C extends FindingCode> = FindingDataByCode[C] & CommonData;

interface FindingBase<C extends FindingCode> {
  uri: string;
  range: Range;
  severity: Severity;
  code: C;
  message: string;
}

/** `data` may be left out only by codes whose data has no required field. */
type FindingOf<C extends FindingCode> = FindingBase<C> & (NoData extends FindingDataByCode[C] ? { data?: FindingData<C> } : { data: FindingData<C> });

/**
 * A finding of one code, or (without a parameter) of any code: a union that narrows on
 * `code`, so `if (f.code === 'jfp.duty.partial') f.data.line` needs no cast.
 */
export type Finding<C extends FindingCode = FindingCode> = { [K in C]: FindingOf<K> }[C];

/** True when a finding has the given code (a type guard, for `filter`). */
export function hasCode<C extends FindingCode>(code: C): (f: Finding) => f is Extract<Finding, { code: C }> {
  return (f): f is Extract<Finding, { code: C }> => f.code === code;
}

/**
 * The data of a diagnostic of the given code, as the rule that reported it wrote it (LSP
 * clients hand `data` back unchanged), or undefined for a diagnostic of another code or
 * source. The one place where diagnostic data is given its type.
 */
export function diagnosticData<C extends FindingCode>(d: { code?: unknown; source?: unknown; data?: unknown }, code: C): FindingData<C> | undefined {
  if (d.code !== code || (d.source !== undefined && d.source !== 'jfp') || typeof d.data !== 'object' || d.data === null) return undefined;
  return d.data as FindingData<C>;
}

/** The fix a diagnostic of ours carries, if any. */
export function diagnosticFix(d: { source?: unknown; data?: unknown }): FindingFix | undefined {
  if ((d.source !== undefined && d.source !== 'jfp') || typeof d.data !== 'object' || d.data === null) return undefined;
  return (d.data as CommonData).fix;
}

/** The catalogue item a diagnostic of ours is about (jfp.duty.*, jfp.element.missing, jfp.waiver.no-reason), if any. */
export function diagnosticItemId(d: { source?: unknown; data?: unknown }): string | undefined {
  if ((d.source !== undefined && d.source !== 'jfp') || typeof d.data !== 'object' || d.data === null) return undefined;
  const id = (d.data as { itemId?: unknown }).itemId;
  return typeof id === 'string' ? id : undefined;
}
