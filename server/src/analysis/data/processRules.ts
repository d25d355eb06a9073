/**
 * The data behind the statutory process rules (jfp.plan.*, jfp.process.*): for each rule,
 * its legal basis and named groups of literal phrases, from schemas/process-rules.json.
 * Validated against its schema once, when first used.
 */
import { schemaChecker } from './schemaCheck.js';
import processRulesSchema from '../../../../schemas/process-rules.schema.json' with { type: 'json' };
import processRulesJson from '../../../../schemas/process-rules.json' with { type: 'json' };
import type { DocumentAnalysis } from '../model/document.js';
import { TermMatcher, type TermHit } from '../text/terms.js';

export interface ProcessRulesProblem {
  /** JSON pointer into the data, e.g. "/rules/jfp.process.capital-plan/phrases/capitalPlan/0". */
  pointer: string;
  message: string;
}

export class ProcessRulesError extends Error {
  constructor(
    message: string,
    readonly problems: ProcessRulesProblem[],
  ) {
    super(message);
    this.name = 'ProcessRulesError';
  }
}

interface ProcessRuleData {
  legalBasis: string;
  note?: string;
  phrases: Record<string, string[]>;
}

interface ProcessRulesData {
  rules: Record<string, ProcessRuleData>;
}

const checkSchema = schemaChecker(processRulesSchema as object);

/** Problems with plain data as process rules data (empty when it is valid). */
export function validateProcessRules(data: unknown): ProcessRulesProblem[] {
  return checkSchema(data);
}

/** One rule's data: its legal basis and its phrase groups, with a matcher per group. */
export class ProcessRule {
  private readonly matchers = new Map<string, TermMatcher>();

  constructor(
    readonly code: string,
    readonly legalBasis: string,
    private readonly groups: Readonly<Record<string, readonly string[]>>,
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
    this.byCode = new Map(Object.entries(data.rules).map(([code, r]) => [code, new ProcessRule(code, r.legalBasis, r.phrases)]));
  }

  get codes(): string[] {
    return [...this.byCode.keys()];
  }

  rule(code: string): ProcessRule {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`the process rules data has no entry for ${code}`);
    return r;
  }
}

/** Checks and wraps process rules data. Throws ProcessRulesError with every problem found. */
export function loadProcessRules(data: unknown, name = 'process rules data'): ProcessRules {
  const problems = validateProcessRules(data);
  if (problems.length > 0) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.pointer}: ${p.message}`)
      .join('; ');
    throw new ProcessRulesError(`The ${name} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${first}`, problems);
  }
  return new ProcessRules(data as ProcessRulesData);
}

let defaultRules: ProcessRules | undefined;

/** The process rules data shipped with jfp-assist, validated once. */
export function getProcessRules(): ProcessRules {
  defaultRules ??= loadProcessRules(processRulesJson, 'built-in process rules data');
  return defaultRules;
}
