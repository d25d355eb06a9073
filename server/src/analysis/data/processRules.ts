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
import { SegmentCache, TermMatcher, type TermHit } from '../text/terms.js';

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

/** A document's text and the ranges that are not prose (sorted by start): a plan model (see model/plan.ts). */
interface Prose {
  text: string;
  excluded: readonly (readonly [number, number])[];
}

/** The hits that overlap no excluded range (both sorted by start). */
export function outsideExcluded(hits: readonly TermHit[], excluded: readonly (readonly [number, number])[]): TermHit[] {
  const out: TermHit[] = [];
  let x = 0;
  for (const hit of hits) {
    while (x < excluded.length && excluded[x]![1] <= hit.start) x++;
    if (x < excluded.length && excluded[x]![0] < hit.end) continue;
    out.push(hit);
  }
  return out;
}

/**
 * Every phrase group of every process rule, found in a document's prose once per version, in
 * one pass over the text's segments (see SegmentCache): each segment's hits of every group are
 * remembered by its text, so after an edit only the segments it touched are matched again, and
 * the groups share one look-up per segment instead of one each. Each group is matched on its
 * own (a segment at a time), so its hits are exactly those of its matcher on the whole text.
 */
export class GroupHits {
  private readonly matchers: { id: string; matcher: TermMatcher }[] = [];
  private readonly segments = new SegmentCache();
  private readonly memo = new WeakMap<Prose, Map<string, TermHit[]>>();
  /** No phrase contains "#", so no hit crosses a cut between segments. */
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
    if (!found) this.memo.set(plan, (found = this.find(plan)));
    return found.get(id) ?? [];
  }

  private find({ text, excluded }: Prose): Map<string, TermHit[]> {
    const found = new Map<string, TermHit[]>();
    if (text.length < TermMatcher.segmentMin || !this.segmentable) {
      for (const { id, matcher } of this.matchers) found.set(id, matcher.match(text, excluded));
      return found;
    }
    for (const { id } of this.matchers) found.set(id, []);
    // A hit's key carries its group's place in the list: "3:primary care".
    const all = this.segments.hits(text, (segment) => this.matchers.flatMap(({ matcher }, i) => matcher.match(segment).map((h) => ({ ...h, key: `${i}:${h.key}` }))));
    for (const h of all) {
      const colon = h.key.indexOf(':');
      found.get(this.matchers[Number(h.key.slice(0, colon))]!.id)!.push({ key: h.key.slice(colon + 1), start: h.start, end: h.end });
    }
    for (const [id, hits] of found) found.set(id, outsideExcluded(hits, excluded));
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
