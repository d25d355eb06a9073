/**
 * Project configuration (.jfp.json): parsing with positions, validation against
 * schemas/config.schema.json, and merging with defaults and editor settings.
 * Pure: takes text, returns data and problems; reading files is the caller's job.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import configSchema from '../../../../schemas/config.schema.json' with { type: 'json' };
import { LineIndex } from '../model/lineIndex.js';
import { schemaChecker } from './schemaCheck.js';
import { JsonNodeIndex, jsonLimitProblem, MAX_CONFIG_CHARS, MAX_LISTED_PROBLEMS, pointerPath } from './jsonText.js';
import { DEFAULT_PLAN_GLOBS } from './planFiles.js';
import type { Level, PlanMode, Range } from '../types.js';
import type { DatedOrganisations } from './organisations.js';

export interface JfpConfig {
  files: string[];
  mode: PlanMode;
  rules: Record<string, Level>;
  healthAndWellbeingBoards: string[];
  readability: { maxSentenceWords: number; smogThreshold: number };
  catalogues: { path: string; replace?: boolean }[];
  analysis: { debounceMs: number; maxFileSizeMB: number };
  /** The catalogue edition plans are checked against; 'auto': chosen from each plan (front matter `edition:`, else its period and type). */
  edition: string;
  /** Partner trusts and Health and Wellbeing Boards from a date (for a merged ICB): the entry in force when the plan's period starts applies. */
  organisations: DatedOrganisations[];
  /** jfp-check only: the web address of the rule pages that reports link to ('' = the jfp-assist repository's). */
  docsUrl: string;
  /** Which files form which plan (main document and files, relative to the workspace folder or .jfp.json's folder); see ../planGroups.ts. */
  plans: { main: string; files?: string[] }[];
}

export const DEFAULT_CONFIG: JfpConfig = {
  files: [...DEFAULT_PLAN_GLOBS],
  mode: 'full',
  rules: {},
  healthAndWellbeingBoards: [],
  readability: { maxSentenceWords: 35, smogThreshold: 14 },
  catalogues: [],
  analysis: { debounceMs: 150, maxFileSizeMB: 5 },
  edition: 'auto',
  organisations: [],
  docsUrl: '',
  plans: [],
};

/** The edition override the analysis takes from a configuration (undefined when it is 'auto'). */
export function editionOverride(config: JfpConfig, sources: Partial<Record<keyof JfpConfig, ConfigSource>> = {}): { edition: string; source: 'settings' | '.jfp.json' } | undefined {
  if (config.edition === 'auto') return undefined;
  return { edition: config.edition, source: sources.edition === 'settings' ? 'settings' : '.jfp.json' };
}

/** The globs of plan files: `files`, and the files .jfp.json "plans" names (so that they are found as plan files too). */
export function planFileGlobs(config: Pick<JfpConfig, 'files' | 'plans'>): string[] {
  return [...config.files, ...config.plans.flatMap((p) => [p.main, ...(p.files ?? [])])];
}

/** Where a value of the effective configuration came from. */
export type ConfigSource = 'default' | 'settings' | '.jfp.json';

export interface ConfigProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

const checkSchema = schemaChecker(configSchema as object);

/** Top-level keys, each merged as a whole ("files", "rules", "readability"...). */
export const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as (keyof JfpConfig)[];

/**
 * Reads a .jfp.json text (comments and trailing commas allowed). Invalid parts are reported
 * with their range and left out; what is valid is kept, so one bad value does not
 * discard the rest.
 */
export function parseConfig(text: string, knownRuleCodes: readonly string[]): { config: Partial<JfpConfig>; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const limit = jsonLimitProblem(text, MAX_CONFIG_CHARS);
  if (limit) {
    return { config: {}, problems: [{ message: `This configuration is not read: ${limit.message}. The default settings are used.`, range: lines.rangeOf(limit.offset, limit.offset + 1), severity: 'error' }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `Not valid JSON: ${describeParseError(printParseErrorCode(e.error))}.`,
    range: lines.rangeOf(e.offset, e.offset + Math.max(1, e.length)),
    severity: 'error',
  }));
  if (!root || errors.length > 0) return { config: {}, problems };
  const value: unknown = nodeValue(root);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ message: 'The configuration must be a JSON object, e.g. { "mode": "full" }.', range: lines.rangeOf(root.offset, root.offset + root.length), severity: 'error' });
    return { config: {}, problems };
  }
  const nodes = new JsonNodeIndex(root);
  const rangeAt = (pointer: string): Range => {
    const path = pointerPath(pointer);
    let node: Node | undefined = nodes.find(path);
    // A missing property: point at the enclosing object.
    for (let n = path.length; !node && n > 0; n--) node = nodes.find(path.slice(0, n - 1));
    node ??= root;
    // For a property, underline its key.
    const target = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
    return lines.rangeOf(target.offset, target.offset + target.length);
  };
  const checked = checkConfigObject(value);
  const found: { pointer: string; message: string; severity: 'error' | 'warning' }[] = checked.errors.map((e) => ({ pointer: e.pointer, message: friendly(e.pointer, e.message), severity: 'error' }));
  const config = checked.config as Record<string, unknown>;
  const rules = config.rules as Record<string, Level> | undefined;
  if (rules) {
    const known = new Set(knownRuleCodes);
    for (const code of Object.keys(rules)) {
      if (!known.has(code)) {
        found.push({ pointer: `/rules/${code.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `Unknown rule code "${code}". Known codes: ${knownRuleCodes.join(', ')}.`, severity: 'warning' });
      }
    }
  }
  // However many there are, the editor gets a readable list: the first ones, then a count of the rest.
  for (const f of found.slice(0, MAX_LISTED_PROBLEMS)) problems.push({ message: f.message, range: rangeAt(f.pointer), severity: f.severity });
  if (found.length > MAX_LISTED_PROBLEMS) {
    problems.push({ message: `${found.length - MAX_LISTED_PROBLEMS} more problems in this configuration are not listed.`, range: lines.rangeOf(root.offset, root.offset + 1), severity: 'error' });
  }
  return { config: config as Partial<JfpConfig>, problems };
}

/**
 * Validates a configuration object (from .jfp.json or from editor settings). Keys with an
 * invalid value are dropped and reported; the rest is kept.
 */
export function checkConfigObject(value: unknown): { config: Partial<JfpConfig>; errors: { pointer: string; message: string }[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { config: {}, errors: [] };
  const config = { ...(value as Record<string, unknown>) };
  const errors = checkSchema(config).map((p) => ({ pointer: p.pointer === '/' ? '' : p.pointer, message: p.message }));
  for (const e of errors) {
    const key = e.pointer.split('/')[1];
    if (key) delete config[key];
  }
  delete config.$schema;
  return { config: config as Partial<JfpConfig>, errors };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [String(p.children![0]!.value), p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function friendly(pointer: string, message: string): string {
  const where = pointer === '' ? 'The configuration' : `"${pointer.slice(1).replace(/\//g, '.')}"`;
  if (message === 'False boolean schema.') return `${where} is not a known setting. See schemas/config.schema.json for the settings.`;
  return `${where}: ${message.replace(/\.$/, '')}. See schemas/config.schema.json.`;
}

/** Merges defaults, editor settings and the project file (later wins; rule levels and the readability and analysis objects merge key by key), recording where each value came from. */
export function mergeConfig(settings: Partial<JfpConfig>, file: Partial<JfpConfig>): { config: JfpConfig; sources: Record<keyof JfpConfig, ConfigSource> } {
  const config = { ...DEFAULT_CONFIG } as JfpConfig;
  const sources = Object.fromEntries(CONFIG_KEYS.map((k) => [k, 'default'])) as Record<keyof JfpConfig, ConfigSource>;
  for (const [layer, source] of [
    [settings, 'settings'],
    [file, '.jfp.json'],
  ] as const) {
    for (const key of CONFIG_KEYS) {
      const value = layer[key];
      if (value === undefined) continue;
      if (source === 'settings' && JSON.stringify(value) === JSON.stringify(DEFAULT_CONFIG[key])) continue;
      if (key === 'readability' || key === 'analysis' || key === 'rules') {
        (config as unknown as Record<string, unknown>)[key] = { ...(config[key] as object), ...(value as object) };
      } else {
        (config as unknown as Record<string, unknown>)[key] = value;
      }
      sources[key] = source;
    }
  }
  return { config, sources };
}
