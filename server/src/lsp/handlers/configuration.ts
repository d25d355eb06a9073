/**
 * The configuration: editor settings (the `jfp` section), each workspace folder's .jfp.json
 * and the extra catalogues it names. Problems in those files are published as diagnostics on
 * the files themselves.
 */
import { getDefaultCatalogue } from '../../analysis/data/catalogue.js';
import { RULE_CODES } from '../../analysis/rules/index.js';
import { buildCatalogue, readCatalogues, readProjectConfig, type FileProblems } from '../../host/projectConfig.js';
import { toDiagnostic } from '../features/diagnostics.js';
import { settingsLayer } from '../settings.js';
import type { ServerContext } from './context.js';

/** Codes whose level .jfp.json may set: every rule's, and jfp.internal (a document whose analysis failed). */
const CONFIGURABLE_CODES: readonly string[] = [...RULE_CODES, 'jfp.internal'];

export class Configuration {
  /** Problems in .jfp.json files and extra catalogues, as published (by file URI). */
  private problems: FileProblems = new Map();

  constructor(private readonly ctx: ServerContext) {}

  /** True when a changed JSON file is one the configuration reads (or one that had problems). */
  reads(uri: string): boolean {
    return uri.endsWith('/.jfp.json') || this.problems.has(uri) || this.ctx.workspace.isCatalogueFile(uri);
  }

  /** Reads the editor's settings (asked for, or as pushed), then every folder's project configuration. */
  async loadSettings(pushed?: unknown): Promise<void> {
    const { connection, workspace } = this.ctx;
    let raw: unknown = pushed;
    if (this.ctx.capabilities().workspace?.configuration === true) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'jfp' });
      } catch {
        raw = undefined;
      }
    }
    workspace.setSettings(settingsLayer(raw));
    await this.reloadProjectConfig();
  }

  /** Reads every folder's .jfp.json and extra catalogues, and publishes their problems. */
  async reloadProjectConfig(): Promise<void> {
    const { connection, workspace } = this.ctx;
    const problems: FileProblems = new Map();
    const configs = await Promise.all(workspace.folderUris().map((folder) => readProjectConfig(workspace.files, folder, CONFIGURABLE_CODES, problems)));
    const catalogue = buildCatalogue(getDefaultCatalogue(), configs, problems, await readCatalogues(workspace.files, configs));
    for (const c of configs) workspace.setProjectConfig(c.folder, c.layer);
    if (catalogue !== workspace.catalogue) workspace.setCatalogue(catalogue);
    for (const uri of this.problems.keys()) if (!problems.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, list] of problems) {
      void connection.sendDiagnostics({
        uri,
        diagnostics: list.map((p) => toDiagnostic({ uri, range: p.range, severity: p.severity, code: 'jfp.config.invalid', message: p.message })),
      });
    }
    this.problems = problems;
  }
}
