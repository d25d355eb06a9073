/**
 * The data behind the statutory process rules (jfp.plan.*, jfp.process.*): for each rule,
 * its legal basis and named groups of literal phrases, from schemas/process-rules.json, and
 * for the plain "phrase absent" rules their level, modes and messages as well.
 * Validated against its schema once, when first used.
 */
import { dataValidator, loadData, type SchemaProblem } from './loadData.js';
import processRulesSchema from '../../../../schemas/process-rules.schema.json' with { type: 'json' };
import processRulesJson from '../../../../schemas/process-rules.json' with { type: 'json' };
import type { DocumentAnalysis } from '../model/document.js';
import type { PlanMode, Severity } from '../types.js';
import { TermMatcher, type TermHit } from '../text/terms.js';

/** A rule that only reports phrase groups found nowhere in the plan (see rules/processAbsent.ts). */
export interface AbsentCheck {
  description: string;
  level: Severity;
  /** The plan modes it applies to (default: both). */
  modes?: PlanMode[];
  /** Phrase group -> message when the group occurs nowhere in the plan; "{legalBasis}" stands for the legal basis. */
  messages: Record<string, string>;
}

interface ProcessRuleData {
  legalBasis: string;
  note?: string;
  phrases: Record<string, string[]>;
  absent?: AbsentCheck;
}

interface ProcessRulesData {
  rules: Record<string, ProcessRuleData>;
}

/** Problems with plain data as process rules data (empty when it is valid); pointers like "/rules/jfp.process.capital-plan/phrases/capitalPlan/0". */
export const validateProcessRules: (data: unknown) => SchemaProblem[] = dataValidator<ProcessRulesData>(processRulesSchema as object, (data) =>
  Object.entries(data.rules).flatMap(([code, rule]) =>
    Object.keys(rule.absent?.messages ?? {})
      .filter((group) => !(group in rule.phrases))
      .map((group) => ({ pointer: `/rules/${code}/absent/messages/${group}`, message: `there is no phrase group "${group}" in phrases` })),
  ),
);

/** One rule's data: its legal basis and its phrase groups, with a matcher per group. */
export class ProcessRule {
  private readonly matchers = new Map<string, TermMatcher>();

  constructor(
    readonly code: string,
    readonly legalBasis: string,
    private readonly groups: Readonly<Record<string, readonly string[]>>,
    /** Set for a plain "phrase absent" rule. */
    readonly absent?: AbsentCheck,
  ) {}

  /** The phrases of a group, as written in the data. */
  phrases(group: string): readonly string[] {
    const phrases = this.groups[group];
    if (!phrases) throw new Error(`the process rules data has no phrase group "${group}" for ${this.code}`);
    return phrases;
  }

  matcher(group: string): TermMatcher {
    let m = this.matchers.get(group);
    if (!m) {
      m = new TermMatcher(this.phrases(group));
      this.matchers.set(group, m);
    }
    return m;
  }

  /** Occurrences of a group's phrases in a document's prose (code, comments, front matter and link targets are skipped). */
  find(doc: DocumentAnalysis, group: string): TermHit[] {
    return this.matcher(group).match(doc.plan.text, doc.plan.excluded);
  }

  /** True when a group's phrases occur anywhere in the plan's documents. */
  occursInPlan(documents: readonly DocumentAnalysis[], group: string): boolean {
    return documents.some((d) => this.find(d, group).length > 0);
  }

  /** True when a group's phrases occur in a plain string (e.g. a front matter value). */
  occursIn(text: string, group: string): boolean {
    return this.matcher(group).match(text).length > 0;
  }
}

/** Validated process rules data. Immutable. */
export class ProcessRules {
  private readonly byCode: Map<string, ProcessRule>;

  constructor(data: ProcessRulesData) {
    this.byCode = new Map(Object.entries(data.rules).map(([code, r]) => [code, new ProcessRule(code, r.legalBasis, r.phrases, r.absent)]));
  }

  /** Every rule's code, in the order of the data. */
  get codes(): string[] {
    return [...this.byCode.keys()];
  }

  /** The plain "phrase absent" rules, in the order of the data. */
  get absentRules(): ProcessRule[] {
    return [...this.byCode.values()].filter((r) => r.absent !== undefined);
  }

  rule(code: string): ProcessRule {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`the process rules data has no entry for ${code}`);
    return r;
  }
}

/** Checks and wraps process rules data. Throws InvalidDataError with every problem found. */
export function loadProcessRules(data: unknown, name = 'process rules data'): ProcessRules {
  return new ProcessRules(loadData<ProcessRulesData>(validateProcessRules, data, name));
}

let defaultRules: ProcessRules | undefined;

/** The process rules data shipped with jfp-assist, validated once. */
export function getProcessRules(): ProcessRules {
  defaultRules ??= loadProcessRules(processRulesJson, 'built-in process rules data');
  return defaultRules;
}
