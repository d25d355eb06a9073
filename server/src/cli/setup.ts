/**
 * What every part of a jfp-check run needs alike, on the main thread and in its worker threads
 * (see planThreads.ts): the configuration, how files are named in reports, and the rule pages
 * shipped beside the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDefaultCatalogue, type IndexedCatalogue } from '../analysis/data/catalogue.js';
import { mergeConfig, parseConfig, type JfpConfig } from '../analysis/data/config.js';
import { RULE_CODES } from '../analysis/rules/index.js';
import { packageDocsUrl, packageHomepage } from '../formats/docsUrl.js';
import type { SarifOptions } from '../formats/sarif.js';
import { UsageError } from '../host/planInput.js';
import { buildCatalogue, CONFIG_FILE, type FileProblems } from '../host/projectConfig.js';
import { readCataloguesSync } from '../host/nodeFiles.js';
import { pathToUri, uriToPath } from '../host/uri.js';
import { VERSION } from '../host/version.js';

/**
 * The configuration: defaults, then the project file (--config FILE, or .jfp.json in the
 * current folder when present), with any extra catalogues it names. Problems are printed
 * like diagnostics; an error in the configuration makes the run fail with status 2.
 */
export function loadConfig(file: string | undefined, err: (s: string) => void): { config: JfpConfig; catalogue: IndexedCatalogue; folder?: string } {
  const configFile = file ?? (fs.existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (configFile === undefined) return { config: mergeConfig({}, {}).config, catalogue: getDefaultCatalogue() };
  if (!fs.existsSync(configFile)) throw new UsageError(`cannot read config ${configFile}: no such file`);
  const folder = path.dirname(path.resolve(configFile));
  const problems: FileProblems = new Map();
  let text: string;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${configFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseConfig(text, RULE_CODES);
  if (parsed.problems.length > 0) problems.set(pathToUri(path.resolve(configFile)), parsed.problems);
  const configs = [{ folder: pathToUri(folder), layer: parsed.config, text }];
  const catalogue = buildCatalogue(getDefaultCatalogue(), configs, problems, readCataloguesSync(configs));
  let errors = 0;
  for (const [uri, list] of problems) {
    for (const p of list) {
      if (p.severity === 'error') errors++;
      err(`${displayPath(uri)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} jfp.config.invalid ${p.message}\n`);
    }
  }
  if (errors > 0) throw new UsageError(`the configuration has ${errors} error${errors === 1 ? '' : 's'} (see above)`);
  return { config: mergeConfig({}, parsed.config).config, catalogue, folder };
}

/** A file as reports name it: relative to the current folder when inside it, with '/'. */
export function displayPath(uri: string): string {
  const p = uriToPath(uri) ?? uri;
  const rel = path.relative(process.cwd(), p);
  return (rel.startsWith('..') ? p : rel).split(path.sep).join('/');
}

/** The rule pages shipped with jfp-check (docs/rules next to dist/), as a file URL ending in '/': read for SARIF's help text, never linked to. */
let docsBaseFound: string | undefined;
export function docsBase(): string {
  return (docsBaseFound ??= findDocsBase());
}

/** A worker thread takes the main thread's rule pages (its own process.argv does not name the CLI). */
export function setDocsBase(base: string): void {
  docsBaseFound = base;
}

function findDocsBase(): string {
  const starts = [process.argv[1] ? path.dirname(fs.realpathSync(process.argv[1])) : undefined, process.cwd()];
  for (const start of starts) {
    for (let dir = start; dir; dir = path.dirname(dir) === dir ? undefined : path.dirname(dir)) {
      const docs = path.join(dir, 'docs', 'rules');
      if (fs.existsSync(path.join(docs, 'jfp.duty.missing.md'))) return pathToFileURL(docs + path.sep).href;
    }
  }
  return pathToFileURL(path.join(process.cwd(), 'docs', 'rules') + path.sep).href;
}

/** The Markdown page of a diagnostic code, from the docs shipped with jfp-check. */
function rulePage(code: string): string | undefined {
  const dir = uriToPath(docsBase());
  try {
    return dir ? fs.readFileSync(path.join(dir, `${code}.md`), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** SARIF's options: the rule pages' web address (--docs-url, else .jfp.json, else the package's), and their text from the shipped docs. */
export function sarifOptions(docsUrl: string | undefined, config: JfpConfig): SarifOptions {
  return { docsUrl: docsUrl || config.docsUrl || packageDocsUrl(), homepage: packageHomepage(), version: VERSION, helpMarkdown: rulePage };
}
