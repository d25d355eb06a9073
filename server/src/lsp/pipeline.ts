/**
 * The document pipeline: what happens to a document between a keystroke and the diagnostics
 * the editor shows, and which analysis a request reads meanwhile.
 * - An edit schedules an analysis after a pause. Analyses run one at a time, in stages, and the
 *   event loop answers requests between stages (Scheduler.yield). An edit cancels the run of
 *   an older version: it stops at its next stage and publishes nothing.
 * - Hover, completion, code lens and quick fixes never wait for an analysis: they read the last
 *   completed one (`view`), mapped through the edits since (editLog.ts). What must match the
 *   editor's text exactly (fix all, edits from commands, the coverage view) waits (`current`).
 * - The first analysis of a long document publishes coverage and the coverage findings first,
 *   then every finding (PlanAnalysis.first, then .presented).
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../analysis/analyse.js';
import { skipFinding } from '../analysis/limits.js';
import { documentReadability } from '../analysis/text/readability.js';
import { uriKey } from '../host/uri.js';
import { settle } from '../analysis/steps.js';
import { EditLog, PositionMap } from './editLog.js';
import { RunQueue, type Run } from './runs.js';
import { slicedPause, timerScheduler, type Scheduler } from './scheduler.js';
import { toDiagnostic } from './features/diagnostics.js';
import { describeError, failureDiagnostic } from './failures.js';
import type { DocumentView, PipelineHost, PublishParams, Snapshot } from './pipelineTypes.js';

export { timerScheduler, type Scheduler };

/** A document at least this long publishes its first analysis in two steps (coverage and statutory findings, then the rest). */
export const STAGED_FIRST_PUBLISH_CHARS = 100_000;

export type { DocumentView, PipelineHost, PublishParams };

export class DocumentPipeline {
  private readonly timers = new Map<string, unknown>();
  /** Documents that have diagnostics published (so that leaving a plan clears them). */
  private readonly published = new Set<string>();
  /** The version last published per document: an older one is never published after it. */
  private readonly publishedVersion = new Map<string, number>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** Analyses and publications run one after another. */
  private readonly runs = new RunQueue((uri, e) => this.failed(uri, e));
  private readonly scheduler: Scheduler;
  readonly edits: EditLog;

  constructor(private readonly host: PipelineHost) {
    this.scheduler = host.scheduler ?? timerScheduler;
    this.edits = host.edits ?? new EditLog();
  }

  /** True while an analysis of the document waits for the author to pause. */
  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  /** An edit: the analysis under way for an older version stops; a new one starts after the configured pause, unless another edit comes first. */
  schedule(uri: string): void {
    this.cancel(uri);
    // (The editor's documents also report an opened document as changed: its run is kept.)
    const version = this.host.documents.get(uri)?.version;
    if (this.runs.wanted(uri)?.version !== version) this.runs.stale(uri);
    const ms = this.host.workspace.configFor(uri).config.analysis.debounceMs;
    this.timers.set(
      uri,
      this.scheduler.set(() => {
        this.timers.delete(uri);
        // Already analysed and published (an opened document): nothing to do.
        if (this.host.documents.get(uri)?.version === this.publishedVersion.get(uri) && this.host.workspace.version(uri) === version) return;
        void this.start(uri, true).done;
      }, ms),
    );
  }

  /** The document, with the workspace's analysis at its current version: a pending or queued analysis runs now (and is published), or the one under way is awaited. */
  async current(uri: string): Promise<TextDocument | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return undefined;
    if (this.timers.has(uri) || this.host.workspace.version(uri) !== doc.version || this.runs.wanted(uri)?.version === doc.version) {
      this.cancel(uri);
      await this.start(uri, false).done;
    }
    // Edited again meanwhile, or the run failed: bring the workspace up to date here.
    const now = this.host.documents.get(uri);
    if (now && this.host.workspace.version(uri) !== now.version) {
      try {
        this.refresh(now);
      } catch (e) {
        this.failed(uri, e);
      }
    }
    return now;
  }

  /**
   * The last completed analysis of a plan document, mapped to the editor's text; it waits only
   * when there is none yet (the document was just opened), the edits since cannot be mapped, or
   * `needsTree` and a newer version has been parsed.
   */
  async view(uri: string, needsTree = false): Promise<DocumentView | undefined> {
    let text = this.host.documents.get(uri);
    if (!text) return undefined;
    let snapshot = this.snapshots.get(uri);
    let map = snapshot && this.edits.mapping(text, snapshot.version);
    // `needsTree`: the feature reads the syntax tree, which the next parse moves on (model/incremental.ts).
    if (!snapshot || !map || (needsTree && (this.host.workspace.version(uri) !== snapshot.version || this.host.workspace.treeMoved(uri)))) {
      text = await this.current(uri);
      if (!text || this.host.workspace.version(uri) !== text.version) return undefined;
      snapshot = await this.snapshotNow(uri, text.version);
      map = this.edits.mapping(text, text.version)!;
    }
    if (!snapshot.doc || !snapshot.plan) return undefined;
    return { doc: snapshot.doc, plan: snapshot.plan, text, map: new PositionMap(map, snapshot.doc.plan.lines, text) };
  }

  /** Re-analyses a document and republishes every open document of its plan; a failure is shown on the document. */
  analyseAndPublish(uri: string, typing = false): Promise<void> {
    this.cancel(uri);
    // A new run, not the one under way: what it read (the configuration, files) may have changed.
    this.runs.stale(uri);
    return this.start(uri, typing).done;
  }

  /** Publishes a document's diagnostics from its plan's current analysis (or clears them when it left the plan). */
  publishFor(uri: string, typing = false): Promise<void> {
    return this.runs.enqueue(uri, () => this.publishUnguarded(uri, typing, () => true));
  }

  /** Re-analyses and republishes every open document (settings, folders or configuration changed). */
  async republishAll(): Promise<void> {
    for (const doc of this.host.documents.all()) await this.analyseAndPublish(doc.uri);
  }

  /** Republishes the open plan documents without re-reading them (files on disk changed). */
  async republishPlans(): Promise<void> {
    for (const uri of this.host.workspace.openPlanUris()) await this.publishFor(uri);
  }

  /** The editor closed a document: forget it, clear its diagnostics, and republish its plan mates. */
  async closed(uri: string): Promise<void> {
    this.cancel(uri);
    this.runs.stale(uri);
    this.snapshots.delete(uri);
    this.publishedVersion.delete(uri);
    this.edits.closed(uri);
    const { workspace } = this.host;
    const mates = workspace.planMates(uri).filter((u) => u !== uri);
    workspace.close(uri);
    if (this.published.delete(uri)) this.host.publish({ uri, diagnostics: [] });
    for (const mate of mates) await this.publishFor(mate);
  }

  /** Stops every pending analysis (shutdown). */
  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    this.runs.staleAll();
  }

  /** The run analysing the document's current version: the one under way, or a new one queued. */
  private start(uri: string, typing: boolean): Run {
    return this.runs.start(uri, this.host.documents.get(uri)?.version ?? -1, (run) => this.execute(uri, run, typing));
  }

  /** One analysis: the document, then its open plan mates, then each one's diagnostics; it stops as soon as the document is edited again. */
  private async execute(uri: string, run: Run, typing: boolean): Promise<void> {
    const { documents, workspace } = this.host;
    const live = () => !run.cancelled && documents.get(uri)?.version === run.version;
    const doc = documents.get(uri);
    if (!doc || !live()) return;
    const wasPlan = this.published.has(uri);
    if (!(await this.refreshSliced(doc, live))) return;
    const mates = workspace.isPlan(uri) ? workspace.planMates(uri).filter((m) => m !== uri) : [];
    for (const mateDoc of mates.map((m) => documents.get(m))) {
      if (!(await this.pause(live))) return;
      if (mateDoc && !(await this.refreshSliced(mateDoc, live))) return;
    }
    for (const target of [uri, ...mates]) {
      if (!(await this.pause(live))) return;
      // The configuration changed meanwhile (the workspace then reads every document again).
      const targetDoc = documents.get(target);
      if (targetDoc) this.refresh(targetDoc);
      await this.publishUnguarded(target, typing, live);
    }
    if (wasPlan && !workspace.isPlan(uri)) await this.publishUnguarded(uri, false, live);
  }

  /** Lets waiting requests run; false when the run is no longer wanted. */
  private async pause(live: () => boolean): Promise<boolean> {
    await (this.scheduler.yield?.() ?? Promise.resolve());
    return live();
  }

  private async publishUnguarded(uri: string, typing: boolean, live: () => boolean): Promise<void> {
    const { documents, workspace } = this.host;
    const doc = documents.get(uri);
    // Never publish for a version other than the one analysed: a newer analysis is due and will.
    if (!doc || !this.analysed(doc)) return;
    const firstTime = !this.snapshots.has(uri);
    const snapshot = await this.snapshotNow(uri, doc.version, live);
    const plan = snapshot.plan;
    if (documents.get(uri) !== doc || !this.analysed(doc) || !live()) return;
    if (!plan && !this.published.has(uri)) return; // quiet outside plans
    const skipped = plan ? workspace.skipped(uri) : undefined;
    const shown = (findings: PlanAnalysis['presented']) => findings.get(doc.uri) ?? findings.get(uriKey(doc.uri)) ?? [];
    // The rules run one after another, with turns for requests between them.
    const settled = async (findings: PlanAnalysis['presented']) => {
      const between = slicedPause(() => this.pause(live), live, this.host.sliceMs);
      for (const key of [doc.uri, uriKey(doc.uri)]) if (!(await findings.settle(key, between))) return false;
      return documents.get(uri) === doc && this.analysed(doc);
    };
    let diagnostics: Diagnostic[] = [];
    if (skipped) diagnostics = [toDiagnostic(skipFinding(uri, skipped.reason, skipped.maxMB))];
    else if (plan && firstTime && doc.getText().length >= STAGED_FIRST_PUBLISH_CHARS) {
      // A long document just opened: coverage and the statutory findings first, the rest after a pause.
      if (!(await settled(plan.first))) return;
      this.send(uri, doc.version, shown(plan.first).map(toDiagnostic), typing, true);
      if (!(await this.pause(live)) || !(await settled(plan.presented))) return;
      diagnostics = shown(plan.presented).map(toDiagnostic);
    } else if (plan) {
      if (!(await settled(plan.presented))) return;
      diagnostics = shown(plan.presented).map(toDiagnostic);
    }
    this.send(uri, doc.version, diagnostics, typing, plan !== undefined);
    // Code lenses read it later, when the tree may have moved on to a newer version.
    if (snapshot.doc) documentReadability(snapshot.doc);
  }

  /** Publishes, unless a newer version of the document already was; coverage is announced first (except while typing), so a client that waits for diagnostics then sees a current coverage. */
  private send(uri: string, version: number, diagnostics: Diagnostic[], typing: boolean, isPlan: boolean): void {
    if (version < (this.publishedVersion.get(uri) ?? -Infinity)) return;
    if (isPlan) this.published.add(uri);
    else this.published.delete(uri);
    this.publishedVersion.set(uri, version);
    this.host.coverageChanged(uri, typing);
    this.host.publish({ uri, version, diagnostics });
  }

  /** Records the workspace's analysis of a document's version (and its plan's) as the one requests read. */
  private async snapshotNow(uri: string, version: number, live?: () => boolean): Promise<Snapshot> {
    const { workspace } = this.host;
    const plan = await workspace.planFor(uri);
    const doc = workspace.skipped(uri) ? undefined : workspace.document(uri);
    const snapshot: Snapshot = { version, doc, plan };
    // Coverage item by item, with turns for requests between (a run: `live`), and always before
    // requests can read it: the next parse moves the tree it is computed from.
    if (plan && live && (await plan.settleCoverage?.(slicedPause(() => this.pause(live), live, this.host.sliceMs))) === false) return snapshot;
    void plan?.coverage;
    if (workspace.version(uri) === version && this.host.documents.get(uri)) {
      this.snapshots.set(uri, snapshot);
      this.edits.analysed(uri, version);
    }
    return snapshot;
  }

  /** The analysis of a document failed: one jfp.internal diagnostic on it, and the stack in the log. */
  private failed(uri: string, e: unknown): void {
    this.host.log?.(`The analysis of ${uri} failed: ${describeError(e)}`);
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    const diagnostic = failureDiagnostic(this.host.workspace, uri, e);
    this.published.add(uri);
    this.publishedVersion.set(uri, doc.version);
    this.host.publish({ uri, version: doc.version, diagnostics: diagnostic ? [diagnostic] : [] });
  }

  /** Brings the workspace's analysis of a document up to its current version (at most once per version). */
  private refresh(doc: TextDocument): void {
    this.cancel(doc.uri);
    if (this.host.workspace.version(doc.uri) !== doc.version) this.host.workspace.update(doc.uri, doc.version, doc.getText());
  }

  /** The same in steps, chunk by chunk, with turns for requests between them (see PlanWorkspace.updateSteps); false when the run stopped. */
  private async refreshSliced(doc: TextDocument, live: () => boolean): Promise<boolean> {
    this.cancel(doc.uri);
    if (this.host.workspace.version(doc.uri) === doc.version) return true;
    return settle(this.host.workspace.updateSteps(doc.uri, doc.version, doc.getText()), slicedPause(() => this.pause(live), live, this.host.sliceMs));
  }

  private analysed(doc: TextDocument): boolean {
    const version = this.host.workspace.version(doc.uri);
    return version === undefined || version === doc.version;
  }

  private cancel(uri: string): void {
    const handle = this.timers.get(uri);
    if (handle !== undefined) this.scheduler.clear(handle);
    this.timers.delete(uri);
  }
}
