/**
 * Plan-level findings in one place: what the plan as a whole lacks (missing and partly covered
 * items, the process requirements and the period when they attach to the title) is summed up in
 * at most one finding per level on the plan's title. The sidebar and jfp-check's coverage list
 * keep every item; the finding says how many and names a few.
 */
import { isStatutoryKind } from '../../../../shared/coverage.js';
import type { Finding, ItemCoverage, Level, Range, Severity } from '../types.js';
import * as l10n from '@vscode/l10n';

/** The code of a finding that sums up plan-level findings of different codes. */
export const PLAN_SUMMARY_CODE = 'jfp.plan.summary';

/** Described like a rule, for listings (SARIF, docs): its level is the most severe of what it sums up. */
export const PLAN_SUMMARY = {
  code: PLAN_SUMMARY_CODE,
  defaultSeverity: 'warning' as Severity,
  description: "What the plan as a whole lacks, summed up on the plan's title: items not covered or partly covered and missing process requirements, one finding per level.",
};

/** Codes whose findings on the title line are plan-level facts, summed up there. */
const PLAN_LEVEL = /^jfp\.(duty\.missing|duty\.partial|process\.[a-z-]+|plan\.(period|edition))$/;

/** How many item titles a summary names before "and N more". */
const NAMED = 3;

const ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Short labels of process findings, used when they are listed in a summary. */
function shortLabel(f: Finding): string {
  switch (f.code) {
    case 'jfp.process.partner-trusts':
      return l10n.t('partner trusts not named');
    case 'jfp.process.consultation-summary':
      return l10n.t('no summary of consultation views');
    case 'jfp.process.hwb-opinion':
      return l10n.t('a Health and Wellbeing Board opinion missing');
    case 'jfp.process.change-log':
      return l10n.t('no summary of changes since the last plan');
    case 'jfp.process.capital-plan':
      return l10n.t('no reference to the joint capital resource use plan');
    case 'jfp.process.strategy-references':
      return l10n.t('a strategy or needs assessment not referred to');
    case 'jfp.plan.period':
      return l10n.t('a problem with the plan period');
    default: {
      const first = f.message.split(/(?<=\.)\s/)[0] ?? f.message;
      return first.replace(/\.$/, '');
    }
  }
}

/** "A, B, C and 2 more" (item titles). */
function briefList(titles: readonly string[]): string {
  const named = titles.slice(0, NAMED).join('; ');
  const rest = titles.length - NAMED;
  return rest > 0 ? l10n.t('{0} and {1} more', named, rest) : named;
}

function missingPhrase(items: readonly ItemCoverage[]): string {
  const statutory = items.filter((c) => isStatutoryKind(c.kind)).length;
  const titles = briefList(items.map((c) => c.title));
  if (statutory === items.length) return items.length === 1 ? l10n.t('1 statutory item not covered: {0}', titles) : l10n.t('{0} statutory items not covered: {1}', items.length, titles);
  if (statutory === 0) return items.length === 1 ? l10n.t('1 content area not covered: {0}', titles) : l10n.t('{0} content areas not covered: {1}', items.length, titles);
  return l10n.t('{0} items not covered ({1} statutory): {2}', items.length, statutory, titles);
}

function partialPhrase(items: readonly ItemCoverage[]): string {
  const titles = briefList(items.map((c) => c.title));
  return items.length === 1 ? l10n.t('1 item only partly covered: {0}', titles) : l10n.t('{0} items only partly covered: {1}', items.length, titles);
}

export interface PlanSummaryInput {
  /** The primary document. */
  uri: string;
  /** Its findings (levels and suppressions already applied). */
  findings: readonly Finding[];
  /** The plan's title (where plan-wide findings attach). */
  anchor: Range;
  coverage: readonly ItemCoverage[];
  /** Level of jfp.duty.partial for partly covered items whose evidence is in other files. */
  partialLevel: Level;
  /** Configured level of jfp.plan.summary: a severity forces it; 'off' shows each finding on its own. */
  summaryLevel: Level | undefined;
}

/**
 * The primary document's findings with the plan-level ones on the title summed up: one finding
 * per level. A level with a single plan-level finding keeps it as it is.
 */
export function summarisePlan(input: PlanSummaryInput): Finding[] {
  const { findings, anchor } = input;
  const titleLine = anchor.start.line;
  const isPlanLevel = (f: Finding) => PLAN_LEVEL.test(f.code) && (f.code === 'jfp.duty.partial' || f.range.start.line === titleLine);
  const planLevel = findings.filter(isPlanLevel);
  const rest = findings.filter((f) => !isPlanLevel(f));
  // Partly covered items are reported on their evidence, possibly in another file: list them all here.
  const partialHere = new Set(planLevel.filter((f) => f.code === 'jfp.duty.partial').map((f) => f.data?.itemId));
  const partialByLevel = new Map<Severity, ItemCoverage[]>();
  // Each item's own jfp.duty.partial finding (the first), found in one pass.
  const ownPartial = new Map<string | undefined, Finding>();
  for (const f of findings) if (f.code === 'jfp.duty.partial' && !ownPartial.has(f.data?.itemId)) ownPartial.set(f.data?.itemId, f);
  for (const c of input.coverage) {
    if (c.status !== 'partial' || !c.counted) continue;
    const own = ownPartial.get(c.id);
    const inThisFile = c.evidence[0]?.uri === input.uri;
    if (inThisFile && !partialHere.has(c.id)) continue; // silenced in this file
    const level = own?.severity ?? (input.partialLevel === 'off' ? undefined : input.partialLevel);
    if (!level) continue;
    partialByLevel.set(level, [...(partialByLevel.get(level) ?? []), c]);
  }
  if (input.summaryLevel === 'off') return [...rest, ...planLevel];
  const out = [...rest];
  const byId = new Map(input.coverage.map((c) => [c.id, c]));
  for (const severity of ORDER) {
    const group = planLevel.filter((f) => f.severity === severity && f.code !== 'jfp.duty.partial');
    const partial = partialByLevel.get(severity) ?? [];
    const missing = group.filter((f) => f.code === 'jfp.duty.missing');
    const others = group.filter((f) => f.code !== 'jfp.duty.missing');
    const count = group.length + partial.length;
    if (count === 0) continue;
    if (count === 1 && group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    const missingItems = missing.map((f) => byId.get(String(f.data?.itemId))).filter((c): c is ItemCoverage => c !== undefined);
    const phrases = [
      ...(missingItems.length > 0 ? [missingPhrase(missingItems)] : []),
      ...(partial.length > 0 ? [partialPhrase(partial)] : []),
      ...new Set(others.map(shortLabel)),
    ];
    const code = PLAN_SUMMARY_CODE;
    const level = input.summaryLevel ?? severity;
    out.push({
      uri: input.uri,
      range: anchor,
      severity: level as Severity,
      code,
      message: `${capitalise(phrases.join('; '))}. ${l10n.t('The Plan coverage view lists each one.')}`,
      data: {
        summary: true as const,
        itemIds: missingItems.map((c) => c.id),
        partialIds: partial.map((c) => c.id),
        parts: others.map((f) => ({ code: f.code, message: f.message })),
      },
    });
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
