import type { Level } from '../types.js';
import { finish, type Steps } from '../steps.js';
import type { Finding } from './findings.js';
import { dutyMissing } from './dutyMissing.js';
import { dutyPartial } from './dutyPartial.js';
import { elementMissing } from './elementMissing.js';
import { fileSimplified } from './fileSimplified.js';
import { ruleContext, type AnalysisContext, type Rule } from './rule.js';
import { AUTHORING_RULES } from './authoring.js';
import { planAmbiguousFile } from './planAmbiguousFile.js';
import { planEdition } from './planEdition.js';
import { PROCESS_RULES } from './process.js';
import { STYLE_RULES } from './style.js';
import { tagUnknown } from './tagUnknown.js';
import { waiverNoReason } from './waiverNoReason.js';
import { waiverStatutory } from './waiverStatutory.js';
import { PLAN_SUMMARY } from '../present/planSummary.js';
import * as l10n from '@vscode/l10n';

export type { AnalysisContext, Rule, RuleContext } from './rule.js';

/** Every rule, in the order its findings are listed. */
export const RULES: readonly Rule[] = [dutyMissing, dutyPartial, elementMissing, tagUnknown, waiverNoReason, waiverStatutory, ...AUTHORING_RULES, ...PROCESS_RULES, planEdition, planAmbiguousFile, ...STYLE_RULES, fileSimplified];

/** Every code a level can be set for: the rules' and the plan summary's (see ../present/). */
export const RULE_CODES: readonly string[] = [...RULES.map((r) => r.code), PLAN_SUMMARY.code];

/** Runs every rule, applying configured levels ('off' drops a rule's findings). */
export function runRules(ctx: AnalysisContext, levels: Readonly<Record<string, Level>> = {}): Finding[] {
  return finish(ruleSteps(ctx, levels));
}

/**
 * The rules one at a time, as runRules runs them: the generator pauses after each rule, so
 * that a caller (the language server) can answer requests between two rules, and returns
 * every finding in order. `memo` keeps each rule's findings by code for another run over the
 * same context with the same level for that rule (the quick first result of a long plan, then
 * the full one).
 */
export function* ruleSteps(ctx: AnalysisContext, levels: Readonly<Record<string, Level>> = {}, memo?: Map<string, readonly Finding[]>): Steps<Finding[]> {
  const findings: Finding[] = [];
  const { suppressions } = ctx.doc.plan;
  for (const rule of RULES) {
    const level = levels[rule.code];
    if (level === 'off') continue;
    const known = memo?.get(rule.code);
    if (known) {
      for (const f of known) findings.push(f);
      continue;
    }
    let produced: Finding[] = [];
    try {
      rule.run(ruleContext(ctx, rule, produced));
    } catch (e) {
      // A failing rule must not take the others (or the server) down with it.
      const message = e instanceof Error ? e.message : String(e);
      produced = [{ uri: ctx.doc.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'information', code: 'jfp.internal', message: l10n.t('jfp-assist could not run the rule {0}: {1}. Please report this.', rule.code, message), data: {} }];
    }
    const kept: Finding[] = [];
    for (const f of produced) {
      if (suppressions.size > 0 && suppressions.isSuppressed(f.code, f.range.start.line)) continue;
      kept.push(level && f.code === rule.code ? { ...f, severity: level } : f);
    }
    memo?.set(rule.code, kept);
    for (const f of kept) findings.push(f);
    yield;
  }
  return findings;
}
