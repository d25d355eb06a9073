/**
 * Financial years and plan periods, shared by the language server, the CLI and the VS Code
 * client, so that the period a new plan is given is the one jfp.plan.period expects.
 * Plain functions of a date: no VS Code, no LSP types, no Node.
 */

/** How many financial years a Joint Forward Plan covers (NHS Act 2006 s.14Z52(1)). */
export const PLAN_YEARS = 5;

/** The financial year (by the calendar year it starts in) that contains a date; it starts on 1 April. */
export function financialYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

/** 2026 -> "2026/27". */
export function formatFinancialYear(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** (2026, 5) -> "2026/27 to 2030/31"; (2026, 1) -> "2026/27". */
export function formatPeriod(firstYear: number, years: number): string {
  return years === 1 ? formatFinancialYear(firstYear) : `${formatFinancialYear(firstYear)} to ${formatFinancialYear(firstYear + years - 1)}`;
}

/** The period of a plan made on `today`: five financial years from the current one (from 1 April 2027, "2027/28 to 2031/32"). */
export function defaultPlanPeriod(today: Date): string {
  return formatPeriod(financialYearOf(today), PLAN_YEARS);
}
