/**
 * Custom requests and notifications, declared once and imported by both the
 * language server and the VS Code client.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CoverageReportEntry, CoverageSummary, PlanIdentityReport } from './coverage.js';

/** One coverage entry, shaped like the CLI's JSON `coverage` entries (lines 1-based; `file` is the document URI). */
export type CoverageEntry = CoverageReportEntry;

export interface CoverageParams {
  uri: string;
}

export interface CoverageResult {
  /** False when the document is not part of a plan: the client shows nothing. */
  isPlan: boolean;
  items: CoverageEntry[];
  summary: CoverageSummary;
  /** Percentage of counted items addressed or waived (partial counts half), 0-100. */
  percent: number;
  /** Which plan this is: its title and main document (absent when not a plan). */
  plan?: { title: string; uri: string };
  /** The plan's type and catalogue edition (absent when the document is not a plan). */
  identity?: PlanIdentityReport;
}

export const CoverageRequest = new RequestType<CoverageParams, CoverageResult, void>('jfp/coverage');

export interface CoverageChangedParams {
  uri: string;
}

export const CoverageChangedNotification = new NotificationType<CoverageChangedParams>('jfp/coverageChanged');

/** Command ids, shared so that the server's code lenses and the client's contributions agree. */
export const Commands = {
  insertMissingSections: 'jfp.insertMissingSections',
  insertSection: 'jfp.insertSection',
  showGuidance: 'jfp.showGuidance',
  newPlan: 'jfp.newPlan',
  refresh: 'jfp.refresh',
  revealEvidence: 'jfp.revealEvidence',
  showConfiguration: 'jfp.showConfiguration',
  insertAnnex: 'jfp.insertAnnex',
  exportReport: 'jfp.exportReport',
  comparePrevious: 'jfp.comparePrevious',
  /** Opens the Plan coverage sidebar (VS Code's command for the view container). */
  showCoverage: 'workbench.view.extension.jfpCoverage',
} as const;

/** Server-side command executed through workspace/executeCommand: returns the edit that inserts a section for an item. */
export const ServerCommands = {
  /** [uri, itemId] -> WorkspaceEdit inserting a section for the item. */
  sectionEdit: 'jfp.server.sectionEdit',
  /** [uri] -> WorkspaceEdit inserting a section for every missing counted item (or null). */
  missingSectionsEdit: 'jfp.server.missingSectionsEdit',
  /** [itemId, uri?] -> Markdown explanation of the item, with the plan's status when uri is given. */
  guidance: 'jfp.server.guidance',
  /** [uri?] -> { config, sources }: the effective configuration and where each value came from. */
  effectiveConfig: 'jfp.server.effectiveConfig',
  /** [icbName, period, planType?] -> text of a new plan with every statutory section, of the edition that fits the period. */
  template: 'jfp.server.template',
  /** [uri] -> WorkspaceEdit writing the coverage annex into the document (replacing the previous one). */
  annexEdit: 'jfp.server.annexEdit',
  /** [uri] -> text of the self-contained HTML coverage report of the document's plan. */
  htmlReport: 'jfp.server.htmlReport',
  /** [uri, paths[]] -> { markdown } comparing the previous plan at the paths with this one, or { error }. */
  compare: 'jfp.server.compare',
} as const;

/**
 * Files, asked of the client by a server that cannot read them itself (the web worker in
 * vscode.dev): the client answers with `vscode.workspace.fs`. URIs are strings.
 */
export type FileType = 'file' | 'directory' | 'other';

export interface FileStat {
  type: FileType;
  size: number;
  /** Last modification, in milliseconds since 1970. */
  mtime: number;
}

export interface DirectoryEntry {
  name: string;
  type: FileType;
}

export interface ReadFileParams {
  uri: string;
  /** Read at most this many bytes from the start (e.g. to look at front matter). */
  maxBytes?: number;
}

/** The text (decoded as UTF-8), or why it cannot be read (an error code such as "FileNotFound"). */
export type ReadFileResult = { text: string } | { error: string };

export const ReadFileRequest = new RequestType<ReadFileParams, ReadFileResult, void>('jfp/files/read');
/** null when there is nothing at the URI. */
export const StatFileRequest = new RequestType<{ uri: string }, FileStat | null, void>('jfp/files/stat');
/** The entries of a folder; empty when it cannot be listed. */
export const ListFolderRequest = new RequestType<{ uri: string }, DirectoryEntry[], void>('jfp/files/list');
