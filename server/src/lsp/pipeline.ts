/**
 * The document pipeline: what happens to a document between a keystroke and the diagnostics
 * the editor shows. An edit schedules an analysis after a pause (debounced per document); the
 * analysis brings the workspace up to the document's version and publishes the diagnostics
 * of every open document of its plan. A request (hover, completion...) runs a pending
 * analysis at once, so it never reads an older version than the editor shows.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skipFinding } from '../analysis/limits.js';
import { uriKey } from '../host/uri.js';
import type { Level } from '../analysis/types.js';
import { toDiagnostic } from './features/diagnostics.js';
import { describeError, internalDiagnostic } from './failures.js';
import type { PlanWorkspace } from './workspace.js';

/** Timers, injected so that tests can run the pipeline on a fake clock. */
export interface Scheduler {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const timerScheduler: Scheduler = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface PipelineHost {
  /** The open documents, as the editor has them. */
  documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  workspace: PlanWorkspace;
  /** Sends the diagnostics of one document to the client. */
  publish(params: PublishParams): void;
  /** The coverage of the plan containing uri changed (`typing` when an edit caused it). */
  coverageChanged(uri: string, typing: boolean): void;
  /** Logs a failure (with its stack) where the user can find it: the output log. */
  log?(message: string): void;
  scheduler?: Scheduler;
}

export class DocumentPipeline {
  private readonly timers = new Map<string, unknown>();
  /** Documents that have diagnostics published (so that leaving a plan clears them). */
  private readonly published = new Set<string>();
  private readonly scheduler: Scheduler;

  constructor(private readonly host: PipelineHost) {
    this.scheduler = host.scheduler ?? timerScheduler;
  }

  /** True while an analysis of the document waits for the author to pause. */
  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  /** An edit: analyse after the configured pause, unless another edit comes first. */
  schedule(uri: string): void {
    this.cancel(uri);
    const ms = this.host.workspace.configFor(uri).config.analysis.debounceMs;
    this.timers.set(
      uri,
      this.scheduler.set(() => {
        this.timers.delete(uri);
        void this.analyseAndPublish(uri, true);
      }, ms),
    );
  }

  /** The document, analysed up to its current version; a pending analysis is run (and published) now. */
  async current(uri: string): Promise<TextDocument | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return undefined;
    if (this.timers.has(uri)) await this.analyseAndPublish(uri);
    else {
      try {
        this.refresh(doc);
      } catch (e) {
        this.failed(uri, e);
      }
    }
    return doc;
  }

  /** Re-analyses a document and republishes every open document of its plan; a failure is shown on the document. */
  analyseAndPublish(uri: string, typing = false): Promise<void> {
    return this.guarded(uri, () => this.analyseAndPublishUnguarded(uri, typing));
  }

  private async analyseAndPublishUnguarded(uri: string, typing: boolean): Promise<void> {
    const { documents, workspace } = this.host;
    const doc = documents.get(uri);
    if (!doc) return;
    this.refresh(doc);
    const wasPlan = this.published.has(uri);
    const mates = workspace.isPlan(uri) ? workspace.planMates(uri).filter((m) => m !== uri) : [];
    for (const mate of mates) {
      const mateDoc = documents.get(mate);
      if (mateDoc) this.refresh(mateDoc);
    }
    for (const target of [uri, ...mates]) await this.publishUnguarded(target, typing);
    if (wasPlan && !workspace.isPlan(uri)) await this.publishUnguarded(uri, false);
  }

  /** Publishes a document's diagnostics from its plan's current analysis (or clears them when it left the plan). */
  publishFor(uri: string, typing = false): Promise<void> {
    return this.guarded(uri, () => this.publishUnguarded(uri, typing));
  }

  private async publishUnguarded(uri: string, typing: boolean): Promise<void> {
    const { documents, workspace } = this.host;
    const doc = documents.get(uri);
    // Never publish for a version other than the one analysed: a newer analysis is due and will.
    if (!doc || !this.analysed(doc)) return;
    const plan = await workspace.planFor(uri);
    if (documents.get(uri) !== doc || !this.analysed(doc)) return;
    let diagnostics: Diagnostic[] = [];
    const skipped = plan ? workspace.skipped(uri) : undefined;
    if (skipped) {
      diagnostics = [toDiagnostic(skipFinding(uri, skipped.reason, skipped.maxMB))];
    } else if (plan) {
      diagnostics = (plan.presented.get(doc.uri) ?? plan.presented.get(uriKey(doc.uri)) ?? []).map(toDiagnostic);
    }
    if (!plan && !this.published.has(uri)) return; // quiet outside plans
    if (plan) this.published.add(uri);
    else this.published.delete(uri);
    // Coverage first (except while typing): a client that waits for diagnostics then sees a current coverage.
    this.host.coverageChanged(uri, typing);
    this.host.publish({ uri, version: doc.version, diagnostics });
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
    const { workspace } = this.host;
    const mates = workspace.planMates(uri).filter((u) => u !== uri);
    workspace.close(uri);
    if (this.published.delete(uri)) this.host.publish({ uri, diagnostics: [] });
    for (const mate of mates) await this.publishFor(mate);
  }

  /** Stops every pending analysis (shutdown). */
  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  /** Runs a step of the pipeline for a document; what it throws is shown on the document (failed()). */
  private async guarded(uri: string, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (e) {
      this.failed(uri, e);
    }
  }

  /** The analysis of a document failed: one jfp.internal diagnostic on it, and the stack in the log. */
  private failed(uri: string, e: unknown): void {
    this.host.log?.(`The analysis of ${uri} failed: ${describeError(e)}`);
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    let level: Level | undefined;
    try {
      level = this.host.workspace.configFor(uri).config.rules['jfp.internal'];
    } catch {
      level = undefined;
    }
    const diagnostic = internalDiagnostic(uri, e, level);
    this.published.add(uri);
    this.host.publish({ uri, version: doc.version, diagnostics: diagnostic ? [diagnostic] : [] });
  }

  /** Brings the workspace's analysis of a document up to its current version (at most once per version). */
  private refresh(doc: TextDocument): void {
    this.cancel(doc.uri);
    if (this.host.workspace.version(doc.uri) !== doc.version) this.host.workspace.update(doc.uri, doc.version, doc.getText());
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
