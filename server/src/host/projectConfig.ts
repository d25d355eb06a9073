/**
 * Reads each workspace folder's .jfp.json and the extra catalogues it names, turning every
 * problem into a diagnostic on the offending file. Nothing from the workspace is executed:
 * configuration and catalogues are JSON data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { IndexedCatalogue, validateCatalogue } from '../analysis/data/catalogue.js';
import { parseConfig, type ConfigProblem, type JfpConfig } from '../analysis/data/config.js';
import { LineIndex } from '../analysis/model/lineIndex.js';
import type { Catalogue, Range } from '../analysis/types.js';
import { pathToUri } from './uri.js';
import * as l10n from '@vscode/l10n';

export const CONFIG_FILE = '.jfp.json';

/** Problems found in configuration files and catalogues, by file URI. */
export type FileProblems = Map<string, ConfigProblem[]>;

export interface ProjectConfig {
  folder: string;
  layer: Partial<JfpConfig> | undefined;
}

function addProblem(problems: FileProblems, uri: string, problem: ConfigProblem): void {
  const list = problems.get(uri) ?? [];
  list.push(problem);
  problems.set(uri, list);
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Reads .jfp.json in a folder; undefined layer when there is none or it cannot be used. */
export function readProjectConfig(folder: string, ruleCodes: readonly string[], problems: FileProblems): ProjectConfig {
  const file = path.join(folder, CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { folder, layer: undefined };
  }
  const uri = pathToUri(file);
  const parsed = parseConfig(text, ruleCodes);
  for (const p of parsed.problems) addProblem(problems, uri, p);
  return { folder, layer: parsed.config };
}

/**
 * The catalogue to use: the built-in one, with the items of every extra catalogue added
 * (or, for an entry with "replace": true, that catalogue instead of the built-in one).
 * A catalogue that cannot be read or is invalid is left out, with diagnostics.
 */
export function buildCatalogue(builtIn: IndexedCatalogue, configs: ProjectConfig[], problems: FileProblems): IndexedCatalogue {
  let base: Catalogue = builtIn.data;
  const extraItems: { item: Catalogue['items'][number]; uri: string; index: number; text: string }[] = [];
  for (const { folder, layer } of configs) {
    const configUri = pathToUri(path.join(folder, CONFIG_FILE));
    (layer?.catalogues ?? []).forEach((entry, i) => {
      const file = path.resolve(folder, entry.path);
      const uri = pathToUri(file);
      const where = configRange(folder, ['catalogues', i, 'path']);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        addProblem(problems, configUri, { message: l10n.t('Cannot read the catalogue "{0}": {1}. The built-in catalogue is used without it.', entry.path, (e as NodeJS.ErrnoException).code ?? String(e)), range: where, severity: 'error' });
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        addProblem(problems, uri, { message: l10n.t('This catalogue is not valid JSON: {0}.', e instanceof Error ? e.message : String(e)), range: START, severity: 'error' });
        addProblem(problems, configUri, { message: l10n.t('The catalogue "{0}" is not valid JSON and is not used.', entry.path), range: where, severity: 'error' });
        return;
      }
      const invalid = validateCatalogue(data);
      if (invalid.length > 0) {
        const lines = new LineIndex(text);
        const root = parseTree(text);
        for (const p of invalid) {
          const node = root && findNodeAtLocation(root, p.pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
          addProblem(problems, uri, { message: l10n.t('{0}: {1} (see schemas/catalogue.schema.json)', p.pointer, p.message), range: node ? lines.rangeOf(node.offset, node.offset + node.length) : START, severity: 'error' });
        }
        addProblem(problems, configUri, { message: l10n.t('The catalogue "{0}" has {1} problem(s) and is not used.', entry.path, invalid.length), range: where, severity: 'error' });
        return;
      }
      const catalogue = data as Catalogue;
      if (entry.replace) base = catalogue;
      else catalogue.items.forEach((item, index) => extraItems.push({ item, uri, index, text }));
    });
  }
  const seen = new Set(base.items.map((i) => i.id));
  const items = [...base.items];
  for (const { item, uri, index, text } of extraItems) {
    if (seen.has(item.id)) {
      const root = parseTree(text);
      const node = root && findNodeAtLocation(root, ['items', index, 'id']);
      const range = node ? new LineIndex(text).rangeOf(node.offset, node.offset + node.length) : START;
      addProblem(problems, uri, { message: l10n.t('The id "{0}" is already in use by another catalogue; this item is left out. Give it an id of its own.', item.id), range, severity: 'error' });
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  return base === builtIn.data && items.length === base.items.length ? builtIn : new IndexedCatalogue({ ...base, items });
}

function configRange(folder: string, jsonPath: (string | number)[]): Range {
  try {
    const text = fs.readFileSync(path.join(folder, CONFIG_FILE), 'utf8');
    const root = parseTree(text);
    const node = root && findNodeAtLocation(root, jsonPath);
    return node ? new LineIndex(text).rangeOf(node.offset, node.offset + node.length) : START;
  } catch {
    return START;
  }
}
