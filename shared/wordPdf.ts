/**
 * Command ids for Word and PDF plans (issue 17), shared by the language server and the VS
 * Code client, and the shapes their server commands return.
 */
import type { CoverageResult } from './protocol.js';

export const WordPdfCommands = {
  /** Converts a Word or PDF file into a new Markdown plan (the source file is never changed). */
  importPlan: 'jfp.importWordPdf',
  /** Shows the coverage of a Word or PDF file, and its HTML report, without converting it. */
  checkPlan: 'jfp.checkWordPdf',
} as const;

export const WordPdfServerCommands = {
  /** [path] -> ConvertedPlan | { error }: the file as a Markdown plan. */
  convert: 'jfp.server.convertWordPdf',
  /** [path] -> CheckedPlan | { error }: the file's coverage and HTML report. */
  check: 'jfp.server.checkWordPdf',
  /** [uri, 'report' | 'annex'] -> { base64 } | { error }: the Word coverage report of the document's plan. */
  wordReport: 'jfp.server.wordReport',
} as const;

export interface ConvertedPlan {
  markdown: string;
  title?: string;
  icb?: string;
  period?: string;
  notes: string[];
}

export interface CheckedPlan {
  /** The file's name, for titles. */
  name: string;
  /** The coverage; each evidence carries `where`, its place in the Word or PDF document. */
  coverage: CoverageResult;
  /** The self-contained HTML report. */
  html: string;
  /** The converted text (read-only in the editor: evidence lines point into it). */
  markdown: string;
}

export type Failed = { error: string };
