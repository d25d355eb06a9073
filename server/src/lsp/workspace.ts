import { analysePlan, editionIndex, type PlanAnalysis } from '../analysis/analyse.js';
import { analysisOptions } from '../analysis/planOptions.js';
import { listedFiles, planFileFacts } from '../analysis/planGroups.js';
import { FolderPlans } from './folderPlans.js';
import { namesItselfPlan } from '../analysis/planIdentity.js';
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { analyseDocument, analyseDocumentSteps, declaresPlan, type DocumentAnalysis, type IndexChooser } from '../analysis/model/document.js';
import { IncrementalParser } from '../analysis/model/incremental.js';
import { finish, type Steps } from '../analysis/steps.js';
import { isMarkdownPath, planFileMatcher } from '../analysis/data/planFiles.js';
import { skipReason, type SkipReason } from '../analysis/limits.js';
import { FolderFiles } from './folderFiles.js';
import { editionOverride, mergeConfig, planFileGlobs, type JfpConfig } from '../analysis/data/config.js';
import type { PlanFiles } from '../host/files.js';
import { loadPlanThroughFiles, type LoadPlan } from '../host/previousPlan.js';
import { baseName, innermostFolder, relativePath, resolveUri, uriKey } from '../host/uri.js';
import type { EffectiveConfig, OpenEntry } from './workspaceTypes.js';

export type { EffectiveConfig } from './workspaceTypes.js';

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
  /** Plans of documents outside every workspace folder (one document each), by URI. */
  private readonly planCache = new Map<string, PlanAnalysis>();
  /** Each folder's plans, grouped by main document. */
  private readonly folderPlans: FolderPlans;

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
      listed: (folder, others) => listedFiles(this.folderDocuments(folder).map(planFileFacts), others),
    });
    this.folderPlans = new FolderPlans({ catalogue: () => this.catalogue, configFor: (uri) => this.configFor(uri), isOpen: (uri) => this.open.has(uriKey(uri)) });
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
    return [...this.projectConfigs].some(([folder, config]) => (config.catalogues ?? []).some((c) => resolveUri(folder, c.path) === key));
  }

  setCatalogue(catalogue: IndexedCatalogue): void {
    this.currentCatalogue = catalogue;
    this.onDisk.forgetFiles();
    for (const [uri, entry] of this.open) {
      delete entry.index;
      entry.analysis = analyseDocument(uri, entry.analysis.plan.text, this.indexFor(uri), (t) => entry.parser.parse(t));
    }
    this.planCache.clear();
    this.folderPlans.clear();
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
      e = { ...merged, isPlanPath: planFileMatcher(planFileGlobs(merged.config)) };
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
    this.folderPlans.clear();
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
   * than the one held. updateSteps does it in steps (see analyseDocumentSteps): nothing is
   * recorded until the last step, so steps left unfinished change nothing but the tree's place.
   */
  update(uri: string, version: number, text: string): boolean {
    return finish(this.updateSteps(uri, version, text));
  }

  *updateSteps(uri: string, version: number, text: string): Steps<boolean> {
    const key = uriKey(uri);
    const current = this.open.get(key);
    if (current && current.version > version) return false;
    const maxMB = this.configFor(uri).config.analysis.maxFileSizeMB;
    const reason = skipReason(text, maxMB);
    // Each open document keeps its parser, so an edit re-parses only the sections it touches.
    const parser = current?.parser ?? new IncrementalParser();
    const body = reason ? '' : text;
    const moved = () => current && (current.treeMoved = true);
    const analysis = yield* analyseDocumentSteps(uri, body, current?.index ?? this.indexFor(uri), (t) => parser.parseSteps(t), moved);
    // Between the steps the document was updated another way (done again now) or closed.
    if (this.open.get(key) !== current) return current && !this.open.has(key) ? false : this.update(uri, version, text);
    const isPlan = this.decideIsPlan(uri, analysis);
    // What decides which plan is which changed (a main document's front matter or title), or a document that lists files opened.
    const facts = planFileFacts(analysis);
    const regrouped = current === undefined ? facts.listed.length > 0 : JSON.stringify({ ...planFileFacts(current.analysis), uri: '' }) !== JSON.stringify({ ...facts, uri: '' });
    this.open.set(key, { version, analysis, isPlan, parser, regrouped, ...(current?.index ? { index: current.index } : {}), ...(reason ? { skipped: { reason, maxMB } } : {}) });
    // Its front matter may now list (or no longer list) other open documents.
    if (regrouped) for (const [other, entry] of this.open) if (other !== key) entry.isPlan = this.decideIsPlan(other, entry.analysis);
    this.invalidate(uri, regrouped || current?.isPlan !== isPlan);
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

  /** True while a newer version of the document is being analysed and its parse has moved the syntax tree of the version held. */
  treeMoved(uri: string): boolean {
    return this.open.get(uriKey(uri))?.treeMoved === true;
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
    const folder = this.folderOf(uri);
    if (!this.isPlan(uri) && !(await this.listedOnDisk(uri, folder))) return undefined;
    const cached = folder !== undefined ? this.folderPlans.cached(uri) : this.planCache.get(uriKey(uri));
    if (cached) return cached;
    if (folder !== undefined) await this.onDisk.read(folder);
    return this.isPlan(uri) ? this.planNow(uri, folder) : undefined;
  }

  /**
   * An open document named like no plan file is one when a main document lists it in its
   * front matter: once the folder has been searched, its files are read and it is decided again.
   */
  private async listedOnDisk(uri: string, folder: string | undefined): Promise<boolean> {
    const entry = this.open.get(uriKey(uri));
    if (!entry || folder === undefined || !this.onDisk.hasScanned(folder)) return false;
    await this.onDisk.read(folder);
    entry.isPlan = this.decideIsPlan(uriKey(uri), entry.analysis);
    return entry.isPlan;
  }

  /**
   * Open plan documents that share a plan with this one (itself included): every open plan
   * document of the folder when its last edit changed which plan is which.
   */
  planMates(uri: string): string[] {
    const folder = this.folderOf(uri);
    if (folder === undefined) return [uri];
    const inFolder = this.openPlanUris().filter((u) => this.folderOf(u) === folder);
    const entry = this.open.get(uriKey(uri));
    if (!entry || !entry.isPlan || entry.regrouped) return inFolder;
    const mates = new Set(this.folderPlans.mates(uri, folder, this.folderDocuments(folder)).map(uriKey));
    return inFolder.filter((u) => mates.has(uriKey(u)));
  }

  /** The plan, from the open documents and the files already read. */
  private planNow(uri: string, folder: string | undefined): PlanAnalysis {
    const plan = folder !== undefined ? this.folderPlans.planOf(uri, folder, this.folderDocuments(folder)) : this.singlePlan(uri);
    // The next version of each of its open documents has its terms found against the plan's edition's index.
    for (const d of plan.documents) {
      const entry = this.open.get(uriKey(d.uri));
      if (entry) entry.index = plan.index;
    }
    return plan;
  }

  /** The plan of a document outside every workspace folder: itself alone. */
  private singlePlan(uri: string): PlanAnalysis {
    const key = uriKey(uri);
    const entry = this.open.get(key);
    const { config, sources } = this.configFor(uri);
    const plan = this.planCache.get(key) ?? analysePlan(entry ? [entry.analysis] : [], this.catalogue, analysisOptions(config, entry?.analysis.uri, sources));
    this.planCache.set(key, plan);
    return plan;
  }

  /** The index of the edition a document's terms are found against (the plan's own, as analysePlan will choose it). */
  private indexFor(uri: string): IndexChooser {
    const { config, sources } = this.configFor(uri);
    return editionIndex(this.catalogue, editionOverride(config, sources));
  }

  /** A folder's plan documents: the open ones from the editor, the others as read from the disk. */
  private folderDocuments(folder: string): DocumentAnalysis[] {
    const docs = new Map<string, DocumentAnalysis>();
    for (const [key, e] of this.open) if (e.isPlan && this.folderOf(e.analysis.uri) === folder) docs.set(key, e.analysis);
    for (const analysis of this.onDisk.analyses(folder)) if (!docs.has(analysis.uri)) docs.set(analysis.uri, analysis);
    return [...docs.values()];
  }

  /** Forgets the plans a document is part of; `regrouped`: every plan of its folder (see FolderPlans.forget). */
  private invalidate(uri: string, regrouped = true): void {
    this.planCache.delete(uriKey(uri));
    this.folderPlans.forget(uri, this.folderOf(uri), regrouped);
  }

  private folderOf(uri: string): string | undefined {
    return innermostFolder(this.folders, uri);
  }

  private decideIsPlan(uri: string, analysis: DocumentAnalysis): boolean {
    if (declaresPlan(analysis.plan) || namesItselfPlan(analysis.plan)) return true;
    const folder = this.folderOf(uri);
    const relative = (folder !== undefined ? relativePath(folder, uri) : undefined) ?? baseName(uri);
    if (!isMarkdownPath(relative)) return false;
    if (this.configFor(uri).isPlanPath(relative)) return true;
    // A main document of the folder lists it in its front matter.
    return folder !== undefined && listedFiles(this.folderDocuments(folder).map(planFileFacts), [analysis.uri]).length > 0;
  }
}
