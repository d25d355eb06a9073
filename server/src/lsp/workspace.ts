import { analysePlan, editionIndex, mainDocument, type PlanAnalysis } from '../analysis/analyse.js';
import { analysisOptions } from '../analysis/planOptions.js';
import { namesItselfPlan } from '../analysis/planIdentity.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import type { CatalogueIndex } from '../analysis/data/catalogueIndex.js';
import { analyseDocument, declaresPlan, type DocumentAnalysis, type IndexChooser } from '../analysis/model/document.js';
import { IncrementalParser } from '../analysis/model/incremental.js';
import { isMarkdownPath, planFileMatcher } from '../analysis/data/planFiles.js';
import { skipReason, type SkipReason } from '../analysis/limits.js';
import { FolderFiles } from './folderFiles.js';
import { editionOverride, mergeConfig, type ConfigSource, type JfpConfig } from '../analysis/data/config.js';
import type { PlanFiles } from '../host/files.js';
import { loadPlanThroughFiles, type LoadPlan } from '../host/previousPlan.js';
import { baseName, relativePath, resolveUri, uriKey } from '../host/uri.js';

export interface EffectiveConfig {
  config: JfpConfig;
  sources: Record<keyof JfpConfig, ConfigSource>;
  isPlanPath: (p: string) => boolean;
}

interface OpenEntry {
  version: number;
  analysis: DocumentAnalysis;
  isPlan: boolean;
  parser: IncrementalParser;
  /** The catalogue index its plan was last analysed against: the next version's terms are found against it. */
  index?: CatalogueIndex;
  /** Why the document is not analysed (too large, or not text), decided once per version. */
  skipped?: { reason: SkipReason; maxMB: number };
}

/**
 * Which documents form which plan, and their analyses: open documents from the editor, the
 * other plan files of the same workspace folder read through `PlanFiles`. Folders, files and
 * documents are named by URI (uriKey), so a folder may be on disk or in a virtual file system.
 */
export class PlanWorkspace {
  private folders: string[] = [];
  private settings: Partial<JfpConfig> = {};
  /** The .jfp.json layer of each workspace folder (by folder URI). */
  private readonly projectConfigs = new Map<string, Partial<JfpConfig>>();
  private readonly effective = new Map<string, EffectiveConfig>();
  private readonly open = new Map<string, OpenEntry>();
  private readonly planCache = new Map<string, PlanAnalysis>();

  /** The folders' plan files that are not open, read through PlanFiles. */
  private readonly onDisk: FolderFiles;

  constructor(
    private currentCatalogue: IndexedCatalogue,
    readonly files: PlanFiles,
    /** Reads another plan from paths (the previous plan to compare with). */
    readonly loadPlan: LoadPlan = loadPlanThroughFiles(files),
  ) {
    this.onDisk = new FolderFiles(files, {
      configFor: (uri) => this.configFor(uri),
      catalogue: () => this.catalogue,
      isOpen: (uri) => this.open.has(uri),
      changed: (uri) => this.invalidate(uri),
    });
  }

  get catalogue(): IndexedCatalogue {
    return this.currentCatalogue;
  }

  /** The client reports changes to files (didChangeWatchedFiles), so files need no stat before each use. */
  setWatching(watching: boolean): void {
    this.onDisk.watching = watching;
  }

  /** True when a URI is an extra catalogue named by a folder's .jfp.json. */
  isCatalogueFile(uri: string): boolean {
    const key = uriKey(uri);
    for (const [folder, config] of this.projectConfigs) {
      if ((config.catalogues ?? []).some((c) => resolveUri(folder, c.path) === key)) return true;
    }
    return false;
  }

  setCatalogue(catalogue: IndexedCatalogue): void {
    this.currentCatalogue = catalogue;
    this.onDisk.forgetFiles();
    for (const [uri, entry] of this.open) {
      delete entry.index;
      entry.analysis = analyseDocument(uri, entry.analysis.plan.text, this.indexFor(uri), (t) => entry.parser.parse(t));
    }
    this.planCache.clear();
  }

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map((f) => uriKey(f).replace(/\/$/, ''));
    this.configChanged();
  }

  /** The editor's settings layer (applies to every folder). */
  setSettings(settings: Partial<JfpConfig>): void {
    this.settings = settings;
    this.configChanged();
  }

  /** A workspace folder's .jfp.json layer (undefined when it has none). */
  setProjectConfig(folderUri: string, config: Partial<JfpConfig> | undefined): void {
    const folder = uriKey(folderUri).replace(/\/$/, '');
    if (config) this.projectConfigs.set(folder, config);
    else this.projectConfigs.delete(folder);
    this.configChanged();
  }

  /** The effective configuration for a document, and where each value came from. */
  configFor(uri: string): EffectiveConfig {
    const folder = this.folderOf(uri) ?? '';
    let e = this.effective.get(folder);
    if (!e) {
      const merged = mergeConfig(this.settings, this.projectConfigs.get(folder) ?? {});
      e = { ...merged, isPlanPath: planFileMatcher(merged.config.files) };
      this.effective.set(folder, e);
    }
    return e;
  }

  /** Workspace folders, as URIs. */
  folderUris(): string[] {
    return [...this.folders];
  }

  private configChanged(): void {
    this.effective.clear();
    this.onDisk.forgetScans();
    this.planCache.clear();
    for (const [uri, entry] of this.open) {
      entry.isPlan = this.decideIsPlan(uri, entry.analysis);
      delete entry.index;
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
    const analysis = analyseDocument(uri, reason ? '' : text, current?.index ?? this.indexFor(uri), (t) => parser.parse(t));
    const isPlan = this.decideIsPlan(uri, analysis);
    this.open.set(key, { version, analysis, isPlan, parser, ...(current?.index ? { index: current.index } : {}), ...(reason ? { skipped: { reason, maxMB } } : {}) });
    this.invalidate(uri);
    return true;
  }

  close(uri: string): void {
    this.open.delete(uriKey(uri));
    this.invalidate(uri);
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChanged(uri: string): void {
    const folder = this.folderOf(uri);
    this.onDisk.fileChanged(uri, folder);
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

  /**
   * The analysis of the plan a document belongs to, or undefined if it is not a plan. The
   * folder's other plan files are read first (without blocking: through PlanFiles).
   */
  async planFor(uri: string): Promise<PlanAnalysis | undefined> {
    if (!this.isPlan(uri)) return undefined;
    const folder = this.folderOf(uri);
    const cached = this.planCache.get(folder ?? uriKey(uri));
    if (cached) return cached;
    if (folder !== undefined) await this.onDisk.read(folder);
    return this.isPlan(uri) ? this.planNow(uri, folder) : undefined;
  }

  /** Open plan documents that share a plan with this one (itself included). */
  planMates(uri: string): string[] {
    const folder = this.folderOf(uri);
    if (folder === undefined) return [uri];
    return this.openPlanUris().filter((u) => this.folderOf(u) === folder);
  }

  /** The plan, from the open documents and the files already read. */
  private planNow(uri: string, folder: string | undefined): PlanAnalysis {
    const cacheKey = folder ?? uriKey(uri);
    const cached = this.planCache.get(cacheKey);
    if (cached) return cached;
    const docs = new Map<string, DocumentAnalysis>();
    for (const [key, entry] of this.open) {
      if (entry.isPlan && (folder === undefined ? key === uriKey(uri) : this.folderOf(entry.analysis.uri) === folder)) docs.set(key, entry.analysis);
    }
    for (const analysis of folder === undefined ? [] : this.onDisk.analyses(folder)) {
      if (!docs.has(analysis.uri)) docs.set(analysis.uri, analysis);
    }
    const documents = [...docs.values()];
    // Plan-wide findings go on a document the author has open.
    const openDocs = documents.filter((d) => this.open.has(uriKey(d.uri)));
    const primary = choosePrimaryAmong(openDocs, documents);
    const { config, sources } = this.configFor(uri);
    const plan = analysePlan(documents, this.catalogue, analysisOptions(config, primary, sources));
    this.planCache.set(cacheKey, plan);
    for (const d of documents) {
      const entry = this.open.get(uriKey(d.uri));
      if (entry) entry.index = plan.index;
    }
    return plan;
  }

  /** The index of the edition a document's terms are found against (the plan's own, as analysePlan will choose it). */
  private indexFor(uri: string): IndexChooser {
    const { config, sources } = this.configFor(uri);
    return editionIndex(this.catalogue, editionOverride(config, sources));
  }

  private invalidate(uri: string): void {
    const folder = this.folderOf(uri);
    this.planCache.delete(folder ?? uriKey(uri));
  }

  private folderOf(uri: string): string | undefined {
    const key = uriKey(uri);
    let best: string | undefined;
    for (const f of this.folders) {
      if ((key === f || key.startsWith(f + '/')) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private decideIsPlan(uri: string, analysis: DocumentAnalysis): boolean {
    if (declaresPlan(analysis.plan) || namesItselfPlan(analysis.plan)) return true;
    const folder = this.folderOf(uri);
    const relative = (folder !== undefined ? relativePath(folder, uri) : undefined) ?? baseName(uri);
    return isMarkdownPath(relative) && this.configFor(uri).isPlanPath(relative);
  }
}

function choosePrimaryAmong(openDocs: DocumentAnalysis[], all: DocumentAnalysis[]): string | undefined {
  // The plan's own main file when it is open; otherwise the best open file.
  const main = mainDocument(all);
  return main && openDocs.includes(main) ? main.uri : mainDocument(openDocs)?.uri;
}
