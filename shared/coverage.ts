/**
 * The plain shapes of a plan's coverage as it crosses between the language server, the CLI's
 * JSON and the VS Code client. Plain data only: no VS Code, no LSP types, no Node.
 */

export type ItemKind =
  | 'statutory-duty'
  | 'statutory-requirement'
  | 'content-area'
  | 'universal-commitment'
  | 'guidance-framing'
  | 'related-plan';

export type CoverageStatus = 'addressed' | 'partial' | 'missing' | 'waived';
export type EvidenceHow = 'tag' | 'heading' | 'terms';

/** Kinds that count towards coverage figures. */
export const COUNTED_KINDS: readonly ItemKind[] = ['statutory-duty', 'statutory-requirement', 'content-area', 'universal-commitment'];
/** Kinds whose absence is a statutory gap (drives the CLI exit code). */
export const STATUTORY_KINDS: readonly ItemKind[] = ['statutory-duty', 'statutory-requirement'];

/**
 * The coverage figure's words, one source for the server and the client (each translates them
 * with its own l10n.t): "22/27 covered · 81%" ({0} covered of {1}, {2} percent), and how the
 * percentage is counted.
 */
export const COVERAGE_FIGURE_MESSAGE = '{0}/{1} covered · {2}%';
export const COUNTING_NOTE_MESSAGE = 'The percentage counts addressed and waived items in full and partly covered items as half.';

/** True for statutory duties and requirements. */
export function isStatutoryKind(kind: ItemKind): boolean {
  return STATUTORY_KINDS.includes(kind);
}

export interface CoverageSummary {
  addressed: number;
  partial: number;
  missing: number;
  waived: number;
  total: number;
}

/**
 * The plan's type and the catalogue edition it is checked against, and where each was read
 * (see server/src/analysis/planIdentity.ts). Part of the CLI's JSON, SARIF and `jfp/coverage`.
 */
export interface PlanIdentityReport {
  planType: { id: string; name: string; source: 'front matter' | 'title' | 'file name' | 'default' };
  edition: { id: string; title: string; date: string; confidence: 'confirmed' | 'excerpt' | 'memory' | 'unconfirmed'; source: 'settings' | '.jfp.json' | 'front matter' | 'period' | 'plan type' };
}

/** A coverage entry as reported by the CLI's JSON and the `jfp/coverage` request (lines 1-based). */
export interface CoverageReportEntry {
  id: string;
  title: string;
  kind: ItemKind;
  counted: boolean;
  status: CoverageStatus;
  legalBasis: string;
  /** `quote`: the sentence or list item that is the best evidence in the section. */
  evidence: { file: string; line: number; endLine: number; heading: string; how: EvidenceHow; terms: string[]; quote?: string }[];
  elements: { covered: number; total: number; missing: string[] };
  /** Missing although a section is mapped to the item: the section has no content yet. */
  started?: boolean;
  /** `notMet`: a waiver of a statutory item, which a plan cannot waive; the status stays what the text shows. */
  waiver?: { file: string; line: number; reason: string; notMet?: boolean };
}
