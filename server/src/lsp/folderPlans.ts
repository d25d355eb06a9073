/**
 * The plans of one workspace folder: its plan files grouped by main document (see
 * analysis/planGroups.ts), each plan analysed on its own and remembered until one of its files
 * changes or the grouping gives it other files. A file two plans could claim is analysed alone,
 * with the finding that says how to assign it.
 */
import { mainDocument, type PlanAnalysis } from '../analysis/analyse.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import type { DocumentAnalysis } from '../analysis/model/document.js';
import { groupPlans, planFileFacts, type PlanFileFacts, type PlanGrouping } from '../analysis/planGroups.js';
import { checkPlanGroup, configuredPlans, unassignedContext } from '../analysis/planSet.js';
import { uriKey } from '../host/uri.js';
import type { EffectiveConfig } from './workspace.js';

export interface FolderPlansHost {
  catalogue(): IndexedCatalogue;
  configFor(uri: string): EffectiveConfig;
  /** True when the editor has the document open (plan-wide findings go on an open document). */
  isOpen(uri: string): boolean;
}

/** Which files a document shares its plan with, and how that plan is keyed. */
interface Membership {
  key: string;
  files: string[];
  kind: 'plan' | 'unassigned';
  main?: string;
}

export class FolderPlans {
  private readonly cache = new Map<string, { signature: string; folder: string; files: readonly string[]; plan: PlanAnalysis }>();

  constructor(private readonly host: FolderPlansHost) {}

  /** The grouping of a folder's plan documents. */
  grouping(folder: string, docs: readonly DocumentAnalysis[]): { grouping: PlanGrouping; facts: Map<string, PlanFileFacts> } {
    const facts = new Map(docs.map((d) => [d.uri, planFileFacts(d)]));
    return { grouping: groupPlans([...facts.values()], configuredPlans(this.host.configFor(folder).config, folder)), facts };
  }

  /** The documents that share a plan with `uri` (itself included), by URI. */
  mates(uri: string, folder: string, docs: readonly DocumentAnalysis[]): string[] {
    return this.membership(uri, folder, docs)?.files ?? [uri];
  }

  /** The analysis of the plan `uri` belongs to (or of `uri` alone, when two plans could claim it). */
  planOf(uri: string, folder: string, docs: readonly DocumentAnalysis[]): PlanAnalysis {
    const { grouping, facts } = this.grouping(folder, docs);
    const member = membershipIn(grouping, uri, folder) ?? { key: `doc:${uri}`, files: [uri], kind: 'plan' as const };
    const byUri = new Map(docs.map((d) => [d.uri, d]));
    const groupDocs = member.files.flatMap((f) => byUri.get(f) ?? []);
    const unassigned = member.kind === 'unassigned' ? grouping.unassigned.find((u) => u.uri === member.files[0]) : undefined;
    const context = unassigned ? unassignedContext(unassigned, (u) => facts.get(u)) : undefined;
    const primary = unassigned ? '' : this.primaryAmong(groupDocs, member.main);
    const signature = JSON.stringify([member.files, primary, context]);
    const cached = this.cache.get(member.key);
    if (cached && cached.signature === signature) return cached.plan;
    const { config, sources } = this.host.configFor(uri);
    const plan = checkPlanGroup(groupDocs, this.host.catalogue(), config, context ? { sources, unassigned: context } : { sources, ...(primary !== undefined ? { primary } : {}) });
    this.cache.set(member.key, { signature, folder, files: member.files, plan });
    return plan;
  }

  /** The plan remembered for a document, if it is still current. */
  cached(uri: string): PlanAnalysis | undefined {
    const k = uriKey(uri);
    for (const entry of this.cache.values()) if (entry.files.some((f) => uriKey(f) === k)) return entry.plan;
    return undefined;
  }

  /**
   * A document changed: forget the plans it is part of; with `regrouped` (what decides which
   * plan is which may have changed: front matter, title, a file added or removed), every plan of its folder.
   */
  forget(uri: string, folder: string | undefined, regrouped: boolean): void {
    const k = uriKey(uri);
    for (const [key, entry] of this.cache) {
      if ((regrouped && entry.folder === folder) || entry.files.some((f) => uriKey(f) === k)) this.cache.delete(key);
    }
  }

  clear(): void {
    this.cache.clear();
  }

  private membership(uri: string, folder: string, docs: readonly DocumentAnalysis[]): Membership | undefined {
    return membershipIn(this.grouping(folder, docs).grouping, uri, folder);
  }

  /** Plan-wide findings go on the main document when it is open, else on the best open document of the plan. */
  private primaryAmong(docs: readonly DocumentAnalysis[], main: string | undefined): string | undefined {
    if (main !== undefined && this.host.isOpen(main)) return main;
    const open = docs.filter((d) => this.host.isOpen(d.uri));
    const best = main === undefined ? mainDocument(docs) : undefined;
    return best && open.includes(best) ? best.uri : mainDocument(open)?.uri;
  }
}

function membershipIn(grouping: PlanGrouping, uri: string, folder: string): Membership | undefined {
  const k = uriKey(uri);
  const group = grouping.plans.find((p) => p.files.some((f) => uriKey(f) === k));
  if (group) return { key: group.main !== undefined ? `main:${group.main}` : `folder:${folder}`, files: group.files, kind: 'plan', ...(group.main !== undefined ? { main: group.main } : {}) };
  const loose = grouping.unassigned.find((u) => uriKey(u.uri) === k);
  return loose ? { key: `unassigned:${k}`, files: [loose.uri], kind: 'unassigned' } : undefined;
}
