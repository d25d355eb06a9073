/**
 * The plan files of each workspace folder that are not open in the editor: found by a scan
 * (once, until something changes) and read through PlanFiles, so neither blocks the server.
 */
import type { IndexedCatalogue } from '../analysis/data/catalogue.js';
import { indexCatalogue } from '../analysis/data/catalogueIndex.js';
import { skipReason } from '../analysis/limits.js';
import { analyseDocument, type DocumentAnalysis } from '../analysis/model/document.js';
import type { PlanFiles } from '../host/files.js';
import { findPlanFilesAndOthers, type Found } from '../host/findPlanFiles.js';
import { uriKey } from '../host/uri.js';
import type { EffectiveConfig } from './workspace.js';

/** Upper bound on files visited when a folder is scanned for plan files. */
const MAX_SCANNED = 20000;

interface DiskEntry {
  mtime: number;
  size: number;
  analysis: DocumentAnalysis;
}

export interface FolderFilesHost {
  configFor(uri: string): EffectiveConfig;
  catalogue(): IndexedCatalogue;
  /** True when the editor has the document open (its text comes from the editor, not from here). */
  isOpen(uri: string): boolean;
  /** What was read of a file changed (so its plan must be analysed again). */
  changed(uri: string): void;
  /** Which of a folder's other Markdown files a main document lists in its front matter (part of its plan too). */
  listed(folder: string, others: readonly string[]): string[];
}

export class FolderFiles {
  /** True while the client reports changed files: a file read once is trusted until it says it changed. */
  watching = false;
  private readonly disk = new Map<string, DiskEntry>();
  /** Reads in progress (by URI), so that two requests share one. */
  private readonly reading = new Map<string, Promise<void>>();
  /** The scan of each folder, started once until something changes. */
  private readonly scans = new Map<string, Promise<Found>>();
  /** The plan files found in each folder, once scanned. */
  private readonly found = new Map<string, string[]>();

  constructor(
    private readonly files: PlanFiles,
    private readonly host: FolderFilesHost,
  ) {}

  /** The analyses of the folder's plan files read so far. */
  analyses(folder: string): DocumentAnalysis[] {
    return (this.found.get(folder) ?? []).flatMap((f) => this.disk.get(f)?.analysis ?? []);
  }

  /** Finds the folder's plan files and reads those that are not open and not read yet (or changed). */
  async read(folder: string): Promise<void> {
    let scan = this.scans.get(folder);
    if (!scan) {
      scan = findPlanFilesAndOthers(this.files, folder, this.host.configFor(folder).isPlanPath, MAX_SCANNED);
      this.scans.set(folder, scan);
    }
    const { found: plans, others } = await scan;
    if (this.scans.get(folder) !== scan) return; // something changed meanwhile; the next request scans again
    const found = plans.map(uriKey);
    this.found.set(folder, found);
    await Promise.all(found.filter((f) => !this.host.isOpen(f)).map((f) => this.readShared(f)));
    // Then the other Markdown files that a main document lists in its front matter.
    const listed = this.host.listed(folder, others.map(uriKey));
    if (listed.length === 0 || this.scans.get(folder) !== scan) return;
    this.found.set(folder, [...found, ...listed]);
    await Promise.all(listed.filter((f) => !this.host.isOpen(f)).map((f) => this.readShared(f)));
  }

  /** True when the folder has been searched for plan files (and not changed since). */
  hasScanned(folder: string): boolean {
    return this.scans.has(folder);
  }

  /** A file changed (created, changed or deleted): read it again, and scan its folder again. */
  fileChanged(uri: string, folder: string | undefined): void {
    this.disk.delete(uriKey(uri));
    if (folder === undefined) return;
    this.scans.delete(folder);
    this.found.delete(folder);
  }

  /** The configuration changed (the plan globs may have): scan every folder again. */
  forgetScans(): void {
    this.scans.clear();
    this.found.clear();
  }

  /** The catalogue changed: analyse every file again. */
  forgetFiles(): void {
    this.disk.clear();
  }

  private readShared(file: string): Promise<void> {
    let reading = this.reading.get(file);
    if (!reading) {
      reading = this.readFile(file).finally(() => this.reading.delete(file));
      this.reading.set(file, reading);
    }
    return reading;
  }

  private async readFile(file: string): Promise<void> {
    const cached = this.disk.get(file);
    if (cached && this.watching) return;
    const stat = await this.files.stat(file);
    // The same limits as for open documents (limits.ts): too large or not text means not read as part of the plan.
    const maxMB = this.host.configFor(file).config.analysis.maxFileSizeMB;
    if (!stat || stat.type !== 'file' || stat.size > maxMB * 1024 * 1024) return this.forget(file);
    if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return;
    let text: string;
    try {
      text = await this.files.readText(file);
    } catch {
      return this.forget(file);
    }
    if (skipReason(text, maxMB)) return this.forget(file);
    this.disk.set(file, { mtime: stat.mtime, size: stat.size, analysis: analyseDocument(file, text, indexCatalogue(this.host.catalogue())) });
    this.host.changed(file);
  }

  private forget(file: string): void {
    if (this.disk.delete(file)) this.host.changed(file);
  }
}
