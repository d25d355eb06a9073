/**
 * Reads each workspace folder's .jfp.json and the extra catalogues it names, turning every
 * problem into a diagnostic on the offending file. Nothing from the workspace is executed:
 * configuration and catalogues are JSON data.
 */
import { parseTree } from 'jsonc-parser';
import { IndexedCatalogue, validateCatalogue } from '../analysis/data/catalogue.js';
import { parseConfig, type ConfigProblem, type JfpConfig } from '../analysis/data/config.js';
import { JsonNodeIndex, jsonLimitProblem, MAX_LISTED_PROBLEMS, pointerPath } from '../analysis/data/jsonText.js';
import { LineIndex } from '../analysis/model/lineIndex.js';
import type { Catalogue, Range } from '../analysis/types.js';
import { FileReadError, type PlanFiles } from './files.js';
import { resolveUri } from './uri.js';
import * as l10n from '@vscode/l10n';

export const CONFIG_FILE = '.jfp.json';

/** Problems found in configuration files and catalogues, by file URI. */
export type FileProblems = Map<string, ConfigProblem[]>;

export interface ProjectConfig {
  /** The workspace folder's URI. */
  folder: string;
  layer: Partial<JfpConfig> | undefined;
  /** The text of the folder's .jfp.json, to place problems on its lines. */
  text?: string;
}

/** The texts of the extra catalogues named by the configurations (by URI), or why each cannot be read. */
export type CatalogueTexts = Map<string, string | { error: string }>;

function addProblem(problems: FileProblems, uri: string, problem: ConfigProblem): void {
  const list = problems.get(uri) ?? [];
  list.push(problem);
  problems.set(uri, list);
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The URI of a folder's .jfp.json. */
export function configUri(folderUri: string): string {
  return resolveUri(folderUri, CONFIG_FILE);
}

/** Reads .jfp.json in a folder; undefined layer when there is none or it cannot be used. */
export async function readProjectConfig(files: PlanFiles, folder: string, ruleCodes: readonly string[], problems: FileProblems): Promise<ProjectConfig> {
  const uri = configUri(folder);
  if (await linksOutside(files, folder, uri)) {
    addProblem(problems, uri, { message: l10n.t('This .jfp.json is a link to a file outside the workspace folder, so it is not read. The default settings are used.'), range: START, severity: 'error' });
    return { folder, layer: undefined };
  }
  let text: string;
  try {
    text = await files.readText(uri);
  } catch {
    return { folder, layer: undefined };
  }
  return parseProjectConfig(folder, text, ruleCodes, problems);
}

/** A folder's configuration from the text of its .jfp.json. */
export function parseProjectConfig(folder: string, text: string, ruleCodes: readonly string[], problems: FileProblems): ProjectConfig {
  const parsed = parseConfig(text, ruleCodes);
  for (const p of parsed.problems) addProblem(problems, configUri(folder), p);
  return { folder, layer: parsed.config, text };
}

/** The URIs of the extra catalogues the configurations name. */
export function catalogueUris(configs: readonly ProjectConfig[]): string[] {
  return configs.flatMap(({ folder, layer }) => (layer?.catalogues ?? []).map((entry) => resolveUri(folder, entry.path)));
}

/** Reads the extra catalogues the configurations name. */
export async function readCatalogues(files: PlanFiles, configs: readonly ProjectConfig[]): Promise<CatalogueTexts> {
  const texts: CatalogueTexts = new Map();
  for (const { folder, layer } of configs) {
    for (const entry of layer?.catalogues ?? []) {
      const uri = resolveUri(folder, entry.path);
      // Reads stay inside the workspace folder whose .jfp.json names the catalogue, links followed.
      if (!insideFolder(folder, uri)) texts.set(uri, { error: OUTSIDE });
      else if (await linksOutside(files, folder, uri)) texts.set(uri, { error: OUTSIDE_LINK });
      else texts.set(uri, await files.readText(uri).catch((e: unknown) => ({ error: readErrorCode(e) })));
    }
  }
  return texts;
}

export const OUTSIDE = 'outside the workspace folder, so it is not read';
export const OUTSIDE_LINK = 'a symbolic link (or inside a linked folder) that leads outside the workspace folder, so it is not read';

/** True when a URI inside a folder leads, through symbolic links, to something outside the folder's real place. */
async function linksOutside(files: PlanFiles, folder: string, uri: string): Promise<boolean> {
  if (!files.realUri) return false;
  const [realFolder, real] = await Promise.all([files.realUri(folder), files.realUri(uri)]);
  return realFolder !== undefined && real !== undefined && real !== realFolder && !insideFolder(realFolder, real);
}

/** True when a URI names the folder itself or something under it ("a/../b" already resolved by resolveUri). */
export function insideFolder(folderUri: string, uri: string): boolean {
  const folder = resolveUri(folderUri, '.');
  const base = folder.endsWith('/') ? folder : folder + '/';
  return uri.startsWith(base) && !/(^|\/)\.\.(\/|$)/.test(uri.slice(base.length));
}

/** Why a file could not be read, in a word (ENOENT, FileNotFound...). */
export function readErrorCode(e: unknown): string {
  return e instanceof FileReadError ? e.code : e instanceof Error ? e.message : String(e);
}

/**
 * The catalogue to use: the built-in one, with the items of every extra catalogue added
 * (or, for an entry with "replace": true, that catalogue instead of the built-in one).
 * A catalogue that cannot be read or is invalid is left out, with diagnostics.
 */
export function buildCatalogue(builtIn: IndexedCatalogue, configs: readonly ProjectConfig[], problems: FileProblems, texts: CatalogueTexts): IndexedCatalogue {
  let base: Catalogue = builtIn.data;
  const extraItems: { item: Catalogue['items'][number]; uri: string; index: number; text: string }[] = [];
  for (const { folder, layer, text: configText } of configs) {
    const configFile = configUri(folder);
    let placeInConfig: ((path: (string | number)[]) => Range) | undefined;
    (layer?.catalogues ?? []).forEach((entry, i) => {
      const uri = resolveUri(folder, entry.path);
      const where = configText === undefined ? START : (placeInConfig ??= locator(configText))(['catalogues', i, 'path']);
      const text = texts.get(uri) ?? { error: 'FileNotFound' };
      if (typeof text !== 'string') {
        addProblem(problems, configFile, { message: l10n.t('Cannot read the catalogue "{0}": {1}. The built-in catalogue is used without it.', entry.path, text.error), range: where, severity: 'error' });
        return;
      }
      const limit = jsonLimitProblem(text, MAX_CATALOGUE_CHARS);
      if (limit) {
        const at = new LineIndex(text).rangeOf(limit.offset, limit.offset + 1);
        addProblem(problems, uri, { message: l10n.t('This catalogue is not read: {0}.', limit.message), range: at, severity: 'error' });
        addProblem(problems, configFile, { message: l10n.t('The catalogue "{0}" is not read: {1}.', entry.path, limit.message), range: where, severity: 'error' });
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        addProblem(problems, uri, { message: l10n.t('This catalogue is not valid JSON: {0}.', e instanceof Error ? e.message : String(e)), range: START, severity: 'error' });
        addProblem(problems, configFile, { message: l10n.t('The catalogue "{0}" is not valid JSON and is not used.', entry.path), range: where, severity: 'error' });
        return;
      }
      const invalid = validateCatalogue(data);
      if (invalid.length > 0) {
        const place = locator(text);
        for (const p of invalid.slice(0, MAX_LISTED_PROBLEMS)) {
          addProblem(problems, uri, { message: l10n.t('{0}: {1} (see schemas/catalogue.schema.json)', p.pointer, p.message), range: place(pointerPath(p.pointer)), severity: 'error' });
        }
        if (invalid.length > MAX_LISTED_PROBLEMS) addProblem(problems, uri, { message: l10n.t('{0} more problems in this catalogue are not listed.', invalid.length - MAX_LISTED_PROBLEMS), range: START, severity: 'error' });
        addProblem(problems, configFile, { message: l10n.t('The catalogue "{0}" has {1} problem(s) and is not used.', entry.path, invalid.length), range: where, severity: 'error' });
        return;
      }
      const catalogue = data as Catalogue;
      if (entry.replace) base = catalogue;
      else catalogue.items.forEach((item, index) => extraItems.push({ item, uri, index, text }));
    });
  }
  const seen = new Set(base.items.map((i) => i.id));
  const items = [...base.items];
  const locators = new Map<string, (path: (string | number)[]) => Range>();
  for (const { item, uri, index, text } of extraItems) {
    if (seen.has(item.id)) {
      let place = locators.get(uri);
      if (!place) locators.set(uri, (place = locator(text)));
      addProblem(problems, uri, { message: l10n.t('The id "{0}" is already in use by another catalogue; this item is left out. Give it an id of its own.', item.id), range: place(['items', index, 'id']), severity: 'error' });
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  return base === builtIn.data && items.length === base.items.length ? builtIn : new IndexedCatalogue({ ...base, items });
}

/** The largest extra catalogue read, in characters (the built-in one is about 200 KB). */
export const MAX_CATALOGUE_CHARS = 16 * 1024 * 1024;

/** Places paths in a JSON text: parsed and indexed once, however many are placed. */
function locator(text: string): (path: (string | number)[]) => Range {
  const root = parseTree(text);
  const nodes = root && new JsonNodeIndex(root);
  const lines = new LineIndex(text);
  return (path) => {
    const node = nodes?.find(path);
    return node ? lines.rangeOf(node.offset, node.offset + node.length) : START;
  };
}
