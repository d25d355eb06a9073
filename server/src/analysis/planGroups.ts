/**
 * Which files form which plan. A plan is its main document and the files that belong to it;
 * two main documents are two plans, never one. Pure: URIs and front matter facts in, groups
 * out (the editor's workspace and jfp-check both call `groupPlans`).
 *
 * A main document is one named as `main` in `.jfp.json` "plans", or whose front matter
 * declares a plan (`plan:`) and has a `title:`, or whose title (first level-1 heading or
 * front matter title) names a plan type, unless a main of the first two kinds lists it.
 * Another file belongs to the main document that lists it (front matter `files:`, or the
 * `.jfp.json` plan's `files`); else to the only main document in its folder, or in the
 * nearest folder above that has one; else, when no folder above has one, to the only main
 * document there is. A file with two or more candidates is left unassigned, and says so.
 */
import picomatch from 'picomatch';
import { planTypeNamedIn } from './data/planning.js';
import { declaresPlan, type DocumentAnalysis } from './model/document.js';
import type { PlanModel } from './model/plan.js';
import { titleOf } from './planIdentity.js';

/** What the grouping needs to know of one plan file. */
export interface PlanFileFacts {
  uri: string;
  /** The front matter declares a plan type (`plan: joint-forward-plan`). */
  declaresPlan: boolean;
  /** The front matter has a `title:`. */
  hasFrontMatterTitle: boolean;
  /** The title (first level-1 heading or front matter title) names a plan type. */
  titleNamesPlan: boolean;
  /** The title to show people, when there is one. */
  title?: string;
  /** Front matter `files:`: paths or globs, relative to the file's folder. */
  listed: readonly string[];
}

/** A plan named in `.jfp.json` "plans": its main document and its files, paths (or globs, for files) relative to `base` (the folder of .jfp.json). */
export interface ConfiguredPlan {
  base: string;
  main: string;
  files?: readonly string[];
}

export type MainKind = 'configured' | 'front matter' | 'title';

export interface PlanGroup {
  /** The main document's URI (undefined: no file is a main document, and every file forms one plan). */
  main: string | undefined;
  mainKind?: MainKind;
  /** Every file of the plan, the main document first, then sorted. */
  files: string[];
}

/** A file that could belong to more than one plan. */
export interface UnassignedFile {
  uri: string;
  /** The main documents it could belong to, sorted. */
  candidates: string[];
  /** 'listed': more than one main document lists it; 'folder': it is listed by none and more than one is near. */
  reason: 'listed' | 'folder';
}

export interface PlanGrouping {
  plans: PlanGroup[];
  unassigned: UnassignedFile[];
}

const factsCache = new WeakMap<PlanModel, Omit<PlanFileFacts, 'uri'>>();

/** The facts of an analysed document (remembered per parsed text). */
export function planFileFacts(doc: Pick<DocumentAnalysis, 'uri' | 'plan'>): PlanFileFacts {
  let facts = factsCache.get(doc.plan);
  if (!facts) {
    const data = doc.plan.frontMatter?.data ?? {};
    const title = doc.plan.title?.text.trim() || (typeof data.title === 'string' ? data.title.trim() : '');
    const files = data.files;
    const listed = (Array.isArray(files) ? files : typeof files === 'string' ? [files] : []).filter((f): f is string => typeof f === 'string' && f.trim() !== '');
    // A Word or PDF file read as Markdown gets front matter declaring a plan (convert/convert.ts, which
    // names the file in `source:`): that says nothing of which plan it is, so only its title counts.
    const converted = typeof data.source === 'string' && /\.(docx|pdf)$/i.test(data.source);
    facts = {
      declaresPlan: declaresPlan(doc.plan) && !converted,
      hasFrontMatterTitle: typeof data.title === 'string' && data.title.trim() !== '',
      titleNamesPlan: planTypeNamedIn(titleOf(doc.plan)) !== undefined,
      ...(title ? { title } : {}),
      listed,
    };
    factsCache.set(doc.plan, facts);
  }
  return { uri: doc.uri, ...facts };
}

/** The folder part of a URI ('file:///a/b.md' -> 'file:///a'). */
export function folderOfUri(uri: string): string {
  const at = uri.lastIndexOf('/');
  return at > 0 ? uri.slice(0, at) : uri;
}

/** The decoded path of a URI after its scheme and authority, and that prefix. */
function splitUri(uri: string): { prefix: string; path: string } {
  const m = /^[a-z][\w+.-]*:(?:\/\/[^/]*)?/i.exec(uri);
  const prefix = m ? m[0] : '';
  const rest = uri.slice(prefix.length);
  let path: string;
  try {
    path = decodeURIComponent(rest);
  } catch {
    path = rest;
  }
  return { prefix: prefix.toLowerCase(), path };
}

/** '/a/b/../c/./d' -> '/a/c/d'. */
function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') {
      if (out.length > 1) out.pop();
    } else if (part !== '.' && !(part === '' && out.length > 0)) out.push(part);
  }
  return out.join('/') || '/';
}

/** A test for the files a listing names: paths or globs relative to `base` (a folder URI). */
export function listingMatcher(base: string, entries: readonly string[]): (uri: string) => boolean {
  const { prefix, path: basePath } = splitUri(base);
  const exact = new Set<string>();
  const globs: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().replace(/\\/g, '/');
    if (!entry) continue;
    const full = normalisePath(entry.startsWith('/') ? entry : `${basePath.replace(/\/$/, '')}/${entry}`);
    if (picomatch.scan(entry).isGlob) globs.push(full);
    else exact.add(full.toLowerCase());
  }
  const isGlobMatch = globs.length > 0 ? picomatch(globs, { nocase: true, dot: false }) : () => false;
  return (uri) => {
    const target = splitUri(uri);
    if (target.prefix !== prefix) return false;
    return exact.has(target.path.toLowerCase()) || isGlobMatch(target.path);
  };
}

interface Main {
  uri: string;
  kind: MainKind;
  lists: ((uri: string) => boolean)[];
}

/** Groups plan files into plans (see the module comment). Deterministic: the same files in any order give the same groups. */
export function groupPlans(files: readonly PlanFileFacts[], configured: readonly ConfiguredPlan[] = []): PlanGrouping {
  const sorted = [...new Map(files.map((f) => [f.uri, f])).values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const mains = new Map<string, Main>();
  const ownListing = (f: PlanFileFacts) => (f.listed.length > 0 ? [listingMatcher(folderOfUri(f.uri), f.listed)] : []);
  for (const c of configured) {
    const isMain = listingMatcher(c.base, [c.main.replace(/[*?[\]{}()!]/g, '')]);
    const uri = sorted.find((f) => isMain(f.uri))?.uri;
    if (uri === undefined) continue;
    const main = mains.get(uri) ?? { uri, kind: 'configured' as const, lists: [] };
    main.lists.push(listingMatcher(c.base, c.files ?? []));
    mains.set(uri, main);
  }
  for (const f of sorted) {
    const main = mains.get(f.uri);
    if (main) main.lists.push(...ownListing(f));
    else if (f.declaresPlan && f.hasFrontMatterTitle) mains.set(f.uri, { uri: f.uri, kind: 'front matter', lists: ownListing(f) });
  }
  // A title that names a plan makes a main document, unless a declared main document lists the file as one of its own.
  const declared = [...mains.values()];
  for (const f of sorted) {
    if (!mains.has(f.uri) && f.titleNamesPlan && !declared.some((m) => m.lists.some((l) => l(f.uri)))) {
      mains.set(f.uri, { uri: f.uri, kind: 'title', lists: ownListing(f) });
    }
  }
  const members = new Map<string, string[]>([...mains.keys()].map((m) => [m, [m]]));
  const orphans: string[] = [];
  const unassigned: UnassignedFile[] = [];
  const mainList = [...mains.values()];
  for (const f of sorted) {
    if (mains.has(f.uri)) continue;
    const listing = mainList.filter((m) => m.uri !== f.uri && m.lists.some((l) => l(f.uri))).map((m) => m.uri);
    let candidates = listing;
    let reason: UnassignedFile['reason'] = 'listed';
    if (listing.length === 0) {
      reason = 'folder';
      candidates = nearestMains(f.uri, mainList);
    }
    if (candidates.length === 0) orphans.push(f.uri);
    else if (candidates.length === 1) members.get(candidates[0]!)!.push(f.uri);
    else unassigned.push({ uri: f.uri, candidates: [...candidates].sort(), reason });
  }
  const plans: PlanGroup[] = mainList
    .map((m) => ({ main: m.uri, mainKind: m.kind, files: members.get(m.uri)! }))
    .sort((a, b) => (a.main < b.main ? -1 : a.main > b.main ? 1 : 0));
  if (orphans.length > 0) plans.push({ main: undefined, files: orphans });
  return { plans, unassigned };
}

/** The main documents of the nearest folder, from the file's own upwards, that has any; all of them when none has. */
function nearestMains(uri: string, mains: readonly Main[]): string[] {
  if (mains.length === 0) return [];
  const byFolder = new Map<string, string[]>();
  for (const m of mains) byFolder.set(folderOfUri(m.uri), [...(byFolder.get(folderOfUri(m.uri)) ?? []), m.uri]);
  for (let dir = folderOfUri(uri), prev = ''; dir !== prev; prev = dir, dir = folderOfUri(dir)) {
    const here = byFolder.get(dir);
    if (here) return here;
  }
  return mains.map((m) => m.uri);
}

/**
 * The files among `candidates` (e.g. Markdown files that are not plan files by name or front
 * matter) that a main document's front matter lists under `files:`: they are part of its plan too.
 */
export function listedFiles(files: readonly PlanFileFacts[], candidates: readonly string[]): string[] {
  const lists = files.filter((f) => f.listed.length > 0 && ((f.declaresPlan && f.hasFrontMatterTitle) || f.titleNamesPlan)).map((f) => listingMatcher(folderOfUri(f.uri), f.listed));
  return lists.length === 0 ? [] : candidates.filter((c) => lists.some((l) => l(c)));
}

/** The group a file belongs to, if any. */
export function groupOf(grouping: PlanGrouping, uri: string): PlanGroup | undefined {
  return grouping.plans.find((p) => p.files.includes(uri));
}
