/** The shapes the document pipeline (pipeline.ts) is built with and gives to requests. */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../analysis/analyse.js';
import type { DocumentAnalysis } from '../analysis/model/document.js';
import type { EditLog, PositionMap } from './editLog.js';
import type { Scheduler } from './scheduler.js';
import type { PlanWorkspace } from './workspace.js';

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
  /** How long steps run before requests get turns (default SLICE_MS; tests use 0 to pause after every step). */
  sliceMs?: number;
  /** The edits the documents received (server.ts records them); without it, a stale analysis cannot be mapped and requests wait. */
  edits?: EditLog;
}

/** A completed analysis of one version of a document, as requests read it (no `plan` outside plans, no `doc` when skipped). */
export type Snapshot = { version: number; doc: DocumentAnalysis | undefined; plan: PlanAnalysis | undefined };

/** The last completed analysis of a document, and how positions of the editor's text map into it. */
export interface DocumentView {
  doc: DocumentAnalysis;
  plan: PlanAnalysis;
  /** The editor's document (newer than the analysis when `map` is not the identity). */
  text: TextDocument;
  map: PositionMap;
}
