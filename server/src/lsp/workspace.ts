import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePlan, mainDocument, type PlanAnalysis } from '../analysis/analyse.js';
import { analysisOptions } from '../analysis/planOptions.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { indexCatalogue } from '../analysis/data/catalogueIndex.js';
import { analyseDocument, declaresPlan, type DocumentAnalysis } from '../analysis/model/document.js';
import { IncrementalParser } from '../analysis/model/incremental.js';
import { isMarkdownPath, planFileMatcher } from '../analysis/data/planFiles.js';
import { findPlanFiles } from '../host/findPlanFiles.js';
import { skipReason, type SkipReason } from '../analysis/limits.js';
import { namesItselfPlan } from '../analysis/planIdentity.js';
import { pathToUri, uriKey, uriToPath } from '../host/uri.js';
import { mergeConfig, type ConfigSource, type JfpConfig } from '../analysis/data/config.js';

/** Upper bound on files visited when a folder is scanned for plan files. */
const MAX_SCANNED = 20000;

interface OpenEntry {
  version: number;
  analysis: DocumentAnalysis;
  isPlan: boolean;
  parser: IncrementalParser;
  /** Why the document is not analysed (too large, or not text), decided once per version. */
  skipped?: { reason: SkipReason; maxMB: number };
}

interface DiskEntry {
  mtimeMs: number;
  size: number;
  analysis: DocumentAnalysis;
}

/**
 * Which documents form which plan, and their analyses: open documents from the editor,
 * the other plan files of the same workspace folder from disk.
 */
export class PlanWorkspace {
  private folders: string[] = [];
  private settings: Partial<JfpConfig> = {};
  /** The .jfp.json layer of each workspace folder (by folder path). */
  private readonly projectConfigs = new Map<string, Partial<JfpConfig>>();
  private readonly effective = new Map<string, { config: JfpConfig; sources: Record<keyof JfpConfig, ConfigSource>; isPlanPath: (p: string) => boolean }>();
  private readonly open = new Map<string, OpenEntry>();
  private readonly disk = new Map<string, DiskEntry>();
  /** Plan files found on disk per folder; undefined until scanned. */
  private readonly folderPlans = new Map<string, string[]>();
  private readonly planCache = new Map<string, PlanAnalysis>();

  constructor(private currentCatalogue: IndexedCatalogue) {}

  get catalogue(): IndexedCatalogue {
    return this.currentCatalogue;
  }

  /** True when a URI is an extra catalogue named by a folder's .jfp.json. */
  isCatalogueFile(uri: string): boolean {
    const file = uriToPath(uri);
    if (file === undefined) return false;
    for (const [folder, config] of this.projectConfigs) {
      if ((config.catalogues ?? []).some((c) => path.resolve(folder, c.path) === file)) return true;
    }
    return false;
  }

  setCatalogue(catalogue: IndexedCatalogue): void {
    this.currentCatalogue = catalogue;
    this.disk.clear();
    for (const [uri, entry] of this.open) entry.analysis = analyseDocument(uri, entry.analysis.plan.text, indexCatalogue(catalogue), (t) => entry.parser.parse(t));
    this.planCache.clear();
  }

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
    this.configChanged();
  }

  /** The editor's settings layer (applies to every folder). */
  setSettings(settings: Partial<JfpConfig>): void {
    this.settings = settings;
    this.configChanged();
  }

  /** A workspace folder's .jfp.json layer (undefined when it has none). */
  setProjectConfig(folderUri: string, config: Partial<JfpConfig> | undefined): void {
    const folder = uriToPath(folderUri);
    if (folder === undefined) return;
    if (config) this.projectConfigs.set(folder, config);
    else this.projectConfigs.delete(folder);
    this.configChanged();
  }

  /** The effective configuration for a document, and where each value came from. */
  configFor(uri: string): { config: JfpConfig; sources: Record<keyof JfpConfig, ConfigSource>; isPlanPath: (p: string) => boolean } {
    const folder = this.folderOf(uri) ?? '';
    let e = this.effective.get(folder);
    if (!e) {
      const merged = mergeConfig(this.settings, this.projectConfigs.get(folder) ?? {});
      e = { ...merged, isPlanPath: planFileMatcher(merged.config.files) };
      this.effective.set(folder, e);
    }
    return e;
  }

  /** Workspace folders, as paths. */
  folderPaths(): string[] {
    return [...this.folders];
  }

  private configChanged(): void {
    this.effective.clear();
    this.folderPlans.clear();
    this.planCache.clear();
    for (const [uri, entry] of this.open) {
      entry.isPlan = this.decideIsPlan(uri, entry.analysis);
      // The size limit may have changed: the next use reads the document again (update()).
      entry.version = -1;
    }
  }

  /**
   * Records a new version of an open document. A document above the size limit, or binary,
   * is recorded as empty with the reason (limits.ts). Returns false when the version is older
   * than the one held.
   */
  update(uri: string, version: number, text: string): boolean {
    const key = uriKey(uri);
    const current = this.open.get(key);
    if (current && current.version > version) return false;
    const maxMB = this.configFor(uri).config.analysis.maxFileSizeMB;
    const reason = skipReason(text, maxMB);
    // Each open document keeps its parser, so an edit re-parses only the sections it touches.
    const parser = current?.parser ?? new IncrementalParser();
    const analysis = analyseDocument(uri, reason ? '' : text, indexCatalogue(this.catalogue), (t) => parser.parse(t));
    const isPlan = this.decideIsPlan(uri, analysis);
    this.open.set(key, { version, analysis, isPlan, parser, ...(reason ? { skipped: { reason, maxMB } } : {}) });
    this.invalidate(uri);
    return true;
  }

  close(uri: string): void {
    this.open.delete(uriKey(uri));
    this.invalidate(uri);
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChanged(uri: string): void {
    this.disk.delete(uriKey(uri));
    const folder = this.folderOf(uri);
    if (folder !== undefined) this.folderPlans.delete(folder);
    this.invalidate(uri);
  }

  version(uri: string): number | undefined {
    return this.open.get(uriKey(uri))?.version;
  }

  /** Why an open document is not analysed (too large, or not text), if it is not. */
  skipped(uri: string): { reason: SkipReason; maxMB: number } | undefined {
    return this.open.get(uriKey(uri))?.skipped;
  }

  document(uri: string): DocumentAnalysis | undefined {
    return this.open.get(uriKey(uri))?.analysis;
  }

  isPlan(uri: string): boolean {
    return this.open.get(uriKey(uri))?.isPlan ?? false;
  }

  /** URIs of the open documents that belong to a plan. */
  openPlanUris(): string[] {
    return [...this.open.values()].filter((e) => e.isPlan).map((e) => e.analysis.uri);
  }

  /** The analysis of the plan a document belongs to, or undefined if it is not a plan. */
  async planFor(uri: string): Promise<PlanAnalysis | undefined> {
    if (!this.isPlan(uri)) return undefined;
    const folder = this.folderOf(uri);
    const cacheKey = folder ?? uriKey(uri);
    const cached = this.planCache.get(cacheKey);
    if (cached) return cached;
    const docs = new Map<string, DocumentAnalysis>();
    for (const [key, entry] of this.open) {
      if (entry.isPlan && (folder === undefined ? key === uriKey(uri) : this.folderOf(entry.analysis.uri) === folder)) docs.set(key, entry.analysis);
    }
    if (folder !== undefined) {
      for (const file of this.scanFolder(folder)) {
        const key = pathToUri(file);
        if (docs.has(key)) continue;
        const analysis = this.readDisk(file);
        if (analysis) docs.set(key, analysis);
      }
    }
    const documents = [...docs.values()];
    // Plan-wide findings go on a document the author has open.
    const openDocs = documents.filter((d) => this.open.has(uriKey(d.uri)));
    const primary = choosePrimaryAmong(openDocs, documents);
    const { config, sources } = this.configFor(uri);
    const plan = analysePlan(documents, this.catalogue, analysisOptions(config, primary, sources));
    this.planCache.set(cacheKey, plan);
    return plan;
  }

  /** Open plan documents that share a plan with this one (itself included). */
  planMates(uri: string): string[] {
    const folder = this.folderOf(uri);
    if (folder === undefined) return [uri];
    return this.openPlanUris().filter((u) => this.folderOf(u) === folder);
  }

  private invalidate(uri: string): void {
    const folder = this.folderOf(uri);
    this.planCache.delete(folder ?? uriKey(uri));
  }

  private folderOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    let best: string | undefined;
    for (const f of this.folders) {
      if ((p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep)) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private decideIsPlan(uri: string, analysis: DocumentAnalysis): boolean {
    if (declaresPlan(analysis.plan) || namesItselfPlan(analysis.plan)) return true;
    const p = uriToPath(uri);
    if (p === undefined) return false;
    const folder = this.folderOf(uri);
    const relative = folder !== undefined ? path.relative(folder, p) : path.basename(p);
    return isMarkdownPath(p) && this.configFor(uri).isPlanPath(relative.split(path.sep).join('/'));
  }

  private scanFolder(folder: string): string[] {
    const known = this.folderPlans.get(folder);
    if (known) return known;
    const found = findPlanFiles(folder, this.configFor(pathToUri(folder)).isPlanPath, MAX_SCANNED);
    this.folderPlans.set(folder, found);
    return found;
  }

  private readDisk(file: string): DocumentAnalysis | undefined {
    const key = pathToUri(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    // The same limits as for open documents (limits.ts): too large or not text means not read as part of the plan.
    const maxMB = this.configFor(key).config.analysis.maxFileSizeMB;
    if (stat.size > maxMB * 1024 * 1024) return undefined;
    const cached = this.disk.get(key);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.analysis;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    if (skipReason(text, maxMB)) return undefined;
    const analysis = analyseDocument(key, text, indexCatalogue(this.catalogue));
    this.disk.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, analysis });
    return analysis;
  }
}

function choosePrimaryAmong(openDocs: DocumentAnalysis[], all: DocumentAnalysis[]): string | undefined {
  // The plan's own main file when it is open; otherwise the best open file.
  const main = mainDocument(all);
  return main && openDocs.includes(main) ? main.uri : mainDocument(openDocs)?.uri;
}
