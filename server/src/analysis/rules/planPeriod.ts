import type { DocumentAnalysis } from '../model/document.js';
import { getProcessRules } from '../data/processRules.js';
import type { PeriodProblem } from './findings.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';
import { defaultPlanPeriod, financialYearOf, formatFinancialYear, formatPeriod } from '../../../../shared/period.js';

/** The years a plan covers, as financial years (April to March). */
export interface YearRange {
  /** Calendar year in which the first financial year starts: 2026 for 2026/27. */
  firstYear: number;
  /** How many financial years the range covers. */
  years: number;
  /** Offsets of the range as written, in the string searched. */
  start: number;
  end: number;
  /** The range as written. */
  written: string;
}

const YEAR = String.raw`(?:19|20)\d{2}`;
const DASH = String.raw`[\u2010-\u2015\u2212-]`;
const SUFFIX_SEP = String.raw`[/\u2010-\u2015\u2212-]`;
/**
 * A year or financial year ("2025", "2025/26", "2025-26", "2025/2026"), optionally followed
 * by "to", "until", "through" or a dash and another. Also "2025-2030" as one endpoint with a
 * four-digit suffix, and "April 2026 to March 2031". Validated by interpret(): a regular
 * expression cannot check that 26 follows 2025.
 */
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.])(?:april\s+)?(${YEAR})(?:\s*(${SUFFIX_SEP})\s*(\d{4}|\d{2}))?` +
    String.raw`(?:\s*(?:to|until|through|${DASH})\s*(?:(?:the\s+)?end\s+of\s+)?(?:march\s+)?(${YEAR})(?:\s*(${SUFFIX_SEP})\s*(\d{4}|\d{2}))?)?(?![\p{L}\p{N}/])`,
  'giu',
);

/** Longest horizon taken as a plan period (longer ranges are usually something else). */
const MAX_YEARS = 30;

type Endpoint = { kind: 'fy' | 'year'; year: number } | { kind: 'span'; from: number; to: number } | undefined;

function endpoint(yearText: string, sep: string | undefined, suffix: string | undefined): Endpoint {
  const year = Number(yearText);
  if (suffix === undefined) return { kind: 'year', year };
  const next = suffix.length === 2 ? (year + 1) % 100 : year + 1;
  if (Number(suffix) === next) return { kind: 'fy', year };
  if (sep === '/') return undefined;
  // "2025-2030" or "2025-30": a range of calendar years written as one endpoint.
  const to = suffix.length === 2 ? year - (year % 100) + Number(suffix) : Number(suffix);
  return to > year ? { kind: 'span', from: year, to } : undefined;
}

function interpret(m: RegExpExecArray): { firstYear: number; years: number } | undefined {
  const from = endpoint(m[1]!, m[2], m[3]);
  let first: number;
  let last: number;
  if (m[4] === undefined) {
    if (from?.kind !== 'span') return undefined;
    first = from.from;
    last = from.to - 1;
  } else {
    const to = endpoint(m[4], m[5], m[6]);
    if (!from || from.kind === 'span' || !to || to.kind === 'span') return undefined;
    first = from.year;
    // A financial year ends the range with itself; a calendar year ends it with the financial year ending in it.
    last = to.kind === 'fy' ? to.year : to.year - 1;
  }
  const years = last - first + 1;
  return years >= 1 && years <= MAX_YEARS ? { firstYear: first, years } : undefined;
}

/** The year ranges in a string, in order (at most `limit`), skipping those that overlap an excluded range (sorted by start). */
export function findYearRanges(text: string, excluded: readonly (readonly [number, number])[] = [], limit = Infinity): YearRange[] {
  const found: YearRange[] = [];
  const re = new RegExp(RANGE.source, RANGE.flags);
  let x = 0;
  for (let m = re.exec(text); m !== null && found.length < limit; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (x < excluded.length && excluded[x]![1] <= start) x++;
    if (x < excluded.length && excluded[x]![0] < end) continue;
    const range = interpret(m);
    if (range) found.push({ ...range, start, end, written: m[0] });
  }
  return found;
}

/** The first year range in a string, if any. */
export function parseYearRange(text: string): YearRange | undefined {
  return findYearRanges(text, [], 1)[0];
}

/** Offsets of the value of a top-level `key: value` in the front matter, as written (see FrontMatter.fields). */
export function frontMatterField(doc: Pick<DocumentAnalysis, 'plan'>, key: string): { start: number; end: number } | undefined {
  return doc.plan.frontMatter?.fields.get(key);
}

type Source = 'front matter' | 'title' | 'text';

interface Horizon {
  source: Source;
  range: YearRange;
}

type Search = { found: Horizon } | { unreadable: { value: string; start: number; end: number } } | { none: true };

function within(doc: Pick<DocumentAnalysis, 'plan'>, start: number, end: number, source: Source): Horizon | undefined {
  const range = findYearRanges(doc.plan.text.slice(start, end), [], 1)[0];
  return range ? { source, range: { ...range, start: range.start + start, end: range.end + start } } : undefined;
}

/** The plan's horizon: the front matter `period`, else the title (level-1 heading, then front matter title), else the first year range in the text. */
export function findHorizon(doc: Pick<DocumentAnalysis, 'plan'>): Search {
  const { plan } = doc;
  const data = plan.frontMatter?.data ?? {};
  if (data.period !== undefined && data.period !== null && String(data.period).trim() !== '') {
    const field = frontMatterField(doc, 'period');
    if (field) {
      const found = within(doc, field.start, field.end, 'front matter');
      return found ? { found } : { unreadable: { value: plan.text.slice(field.start, field.end) || JSON.stringify(data.period), ...field } };
    }
    // Not a value written in place (e.g. an alias or a list): read the value, place findings on the front matter.
    const range = parseYearRange(String(data.period));
    const start = plan.frontMatter!.start;
    const end = plan.lines.lineEnd(plan.lines.positionAt(start).line);
    if (range) return { found: { source: 'front matter', range: { ...range, start, end } } };
    return { unreadable: { value: String(data.period), start, end } };
  }
  const h1 = plan.sections.find((s) => s.depth === 1);
  const fromH1 = h1 && within(doc, h1.headingStart, h1.headingEnd, 'title');
  if (fromH1) return { found: fromH1 };
  const titleField = frontMatterField(doc, 'title');
  const fromTitle = titleField && within(doc, titleField.start, titleField.end, 'title');
  if (fromTitle) return { found: fromTitle };
  const inText = findYearRanges(plan.text, plan.excluded, 1)[0];
  if (inText) return { found: { source: 'text', range: inText } };
  return { none: true };
}

const CODE = 'jfp.plan.period' as const;

/** jfp.plan.period: the plan's horizon is missing, not five financial years, or starts before the current financial year. */
export const planPeriod: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'warning',
  description: 'The plan does not state a five-year period starting no earlier than the current financial year.',
  run({ doc, isPrimary, options, report, reportOnPlan }) {
    if (!isPrimary) return;
    const basis = getProcessRules().rule(CODE).legalBasis;
    const current = financialYearOf(options.now);
    const suggested = defaultPlanPeriod(options.now);
    const horizon = findHorizon(doc);
    if ('none' in horizon) {
      reportOnPlan(
        l10n.t('The plan does not say which years it covers. A Joint Forward Plan sets out what the ICB and its partner trusts will do over the next five years ({0}): add `period: {1}` to the front matter, or put the years in the title.', basis, suggested),
        { problems: ['missing'], suggestedPeriod: suggested },
      );
      return;
    }
    if ('unreadable' in horizon) {
      const { value, start, end } = horizon.unreadable;
      report(start, end, l10n.t("The front matter period \"{0}\" is not a range of years jfp-assist can read, so the plan's five-year horizon ({1}) cannot be checked. Write it like `period: {2}`.", value, basis, suggested), {
        problems: ['unreadable'],
        suggestedPeriod: suggested,
      });
      return;
    }
    const { source, range } = horizon.found;
    const normalised = formatPeriod(range.firstYear, range.years);
    const written = range.written.replace(/\s+/g, ' ').trim();
    const named = written === normalised ? normalised : l10n.t('{0}, read as {1}', written, normalised);
    const where = source === 'front matter' ? l10n.t('in the front matter') : source === 'title' ? l10n.t('in the title') : l10n.t('in the text, as no period is given in the front matter or the title');
    const problems: PeriodProblem[] = [];
    const parts: string[] = [];
    if (range.years !== 5) {
      problems.push('length');
      parts.push(
        range.years === 1
          ? l10n.t("The plan's period ({0}, {1}) covers 1 financial year; a Joint Forward Plan covers five ({2}).", named, where, basis)
          : l10n.t("The plan's period ({0}, {1}) covers {2} financial years; a Joint Forward Plan covers five ({3}).", named, where, range.years, basis),
      );
    }
    if (range.firstYear < current) {
      problems.push('stale');
      const lead = parts.length > 0 ? l10n.t('It also starts') : l10n.t("The plan's period ({0}, {1}) starts", named, where);
      parts.push(
        l10n.t('{0} in {1}, before the current financial year {2}: the plan is out of date. A plan is prepared before the start of each financial year for the five years ahead ({3}); refresh it for {4}.', lead, formatFinancialYear(range.firstYear), formatFinancialYear(current), basis, suggested),
      );
    }
    if (parts.length === 0) return;
    report(range.start, range.end, parts.join(' '), { problems, source, firstYear: range.firstYear, years: range.years, suggestedPeriod: suggested });
  },
};
