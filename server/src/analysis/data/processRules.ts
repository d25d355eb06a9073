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
import type { Root } from 'mdast';
import { TermMatcher, type TermHit } from '../text/terms.js';
import { textParts, type PlacedPart, type TextPart } from '../text/parts.js';

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

/** A document's text, syntax tree and the ranges that are not prose (sorted by start): a plan model (see model/plan.ts). */
interface Prose {
  text: string;
  root: Root;
  excluded: readonly (readonly [number, number])[];
}

/**
 * Every phrase group of every process rule, found in a document's prose part by part (see
 * ../text/parts.ts): each part's hits of every group are remembered with the part, so after an
 * edit only the parts it touched are matched again. Whether a group occurs is then a walk over
 * the parts that stops at the first with a hit; a group's hits in the whole document are put
 * together once per version, when asked for. Each group is matched on its own, so its hits are
 * exactly those of its matcher on the whole text.
 */
export class GroupHits {
  private readonly matchers: { id: string; matcher: TermMatcher }[] = [];
  private readonly byPart = new WeakMap<TextPart, Map<string, TermHit[]>>();
  private readonly memo = new WeakMap<Prose, Map<string, TermHit[]>>();
  /** No phrase contains "#", so no hit crosses a cut between parts. */
  private readonly segmentable: boolean;

  constructor(groups: Iterable<[id: string, phrases: readonly string[]]>) {
    let segmentable = true;
    for (const [id, phrases] of groups) {
      this.matchers.push({ id, matcher: new TermMatcher(phrases) });
      if (phrases.some((p) => p.includes('#'))) segmentable = false;
    }
    this.segmentable = segmentable;
  }

  matcher(id: string): TermMatcher | undefined {
    return this.matchers.find((m) => m.id === id)?.matcher;
  }

  /** A group's hits in a document's prose (id: code and group, see groupId). */
  in(plan: Prose, id: string): TermHit[] {
    let found = this.memo.get(plan);
    if (!found) this.memo.set(plan, (found = new Map()));
    let hits = found.get(id);
    if (!hits) {
      if (!this.segmentable) {
        for (const m of this.matchers) found.set(m.id, m.matcher.match(plan.text, plan.excluded));
        return found.get(id) ?? [];
      }
      hits = [];
      for (const placed of textParts(plan)) for (const h of this.partHits(plan, placed).get(id) ?? []) hits.push({ key: h.key, start: placed.start + h.start, end: placed.start + h.end });
      found.set(id, hits);
    }
    return hits;
  }

  /** True when a group's phrases occur in a document's prose. */
  occurs(plan: Prose, id: string): boolean {
    const known = this.memo.get(plan)?.get(id);
    if (known || !this.segmentable) return this.in(plan, id).length > 0;
    for (const placed of textParts(plan)) if ((this.partHits(plan, placed).get(id)?.length ?? 0) > 0) return true;
    return false;
  }

  /** Every group's hits in a part, relative to its start. */
  private partHits(plan: Prose, { part, start }: PlacedPart): Map<string, TermHit[]> {
    let found = this.byPart.get(part);
    if (!found) {
      found = new Map();
      const source = plan.text.slice(start, start + part.length);
      for (const { id, matcher } of this.matchers) {
        const hits = matcher.match(source, part.excluded);
        if (hits.length > 0) found.set(id, hits);
      }
      this.byPart.set(part, found);
    }
    return found;
  }
}

function groupId(code: string, group: string): string {
  return `${code}\n${group}`;
}

/** One rule's data: its legal basis and its phrase groups, with a matcher per group. */
export class ProcessRule {
  constructor(
    readonly code: string,
    readonly legalBasis: string,
    private readonly groups: Readonly<Record<string, readonly string[]>>,
    /** Set for a plain "phrase absent" rule. */
    readonly absent: AbsentCheck | undefined,
    private readonly hits: GroupHits,
  ) {}

  /** The phrases of a group, as written in the data. */
  phrases(group: string): readonly string[] {
    const phrases = this.groups[group];
    if (!phrases) throw new Error(`the process rules data has no phrase group "${group}" for ${this.code}`);
    return phrases;
  }

  matcher(group: string): TermMatcher {
    this.phrases(group);
    return this.hits.matcher(groupId(this.code, group))!;
  }

  /** Occurrences of a group's phrases in a document's prose (code, comments, front matter and link targets are skipped); found once per version, never to be changed. */
  find(doc: DocumentAnalysis, group: string): readonly TermHit[] {
    this.phrases(group);
    return this.hits.in(doc.plan, groupId(this.code, group));
  }

  /** True when a group's phrases occur anywhere in the plan's documents. */
  occursInPlan(documents: readonly DocumentAnalysis[], group: string): boolean {
    this.phrases(group);
    return documents.some((d) => this.hits.occurs(d.plan, groupId(this.code, group)));
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
    const hits = new GroupHits(Object.entries(data.rules).flatMap(([code, r]) => Object.entries(r.phrases).map(([group, phrases]) => [groupId(code, group), phrases] as [string, string[]])));
    this.byCode = new Map(Object.entries(data.rules).map(([code, r]) => [code, new ProcessRule(code, r.legalBasis, r.phrases, r.absent, hits)]));
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
