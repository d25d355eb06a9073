/**
 * jfp-check: the same analysis as the editor, headless, for CI.
 *   jfp-check [--format text|json] [--config FILE] PATH...
 * Exit codes: 0 no statutory item missing; 1 a statutory item is missing; 2 usage or input error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePlan } from './analysis/analyse.js';
import { getDefaultCatalogue, isStatutory, type IndexedCatalogue } from './analysis/catalogue.js';
import { indexCatalogue } from './analysis/catalogueIndex.js';
import { analyseDocument } from './analysis/document.js';
import { planPathMatcher } from './analysis/planFiles.js';
import { findPlanFiles } from './findPlanFiles.js';
import { formatJson } from './formats/json.js';
import { formatText } from './formats/text.js';
import { pathToUri, uriToPath } from './planWorkspace.js';
import { buildCatalogue, CONFIG_FILE, type FileProblems } from './projectConfig.js';
import { mergeConfig, parseConfig, type JfpConfig } from './analysis/config.js';
import { RULE_CODES } from './analysis/rules/index.js';

export const USAGE = `Usage: jfp-check [--format text|json] [--config FILE] PATH...

Checks a Joint Forward Plan (one or more Markdown files) against the statutory
duties and content areas in the jfp-assist catalogue.

  PATH             a plan file, or a folder searched for plan files
                   (front matter "plan: joint-forward-plan", or a name matching
                   the plan globs). All files found form one plan.
  --format FORMAT  text (default) or json
  --config FILE    the project configuration (default: .jfp.json in the
                   current folder, if there is one); see schemas/config.schema.json
  -h, --help       show this help
  --version        show the version

Exit status: 0 when no statutory item is missing, 1 when one is, 2 on a
usage or input error.`;

export class UsageError extends Error {}

interface Args {
  format: 'text' | 'json';
  config?: string;
  paths: string[];
}

export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const args: Args = { format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}" (use text or json)`);
      args.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) {
      args.config = value('--config');
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}

/**
 * The configuration: defaults, then the project file (--config FILE, or .jfp.json in the
 * current folder when present), with any extra catalogues it names. Problems are printed
 * like diagnostics; an error in the configuration makes the run fail with status 2.
 */
function loadConfig(file: string | undefined, err: (s: string) => void): { config: JfpConfig; catalogue: IndexedCatalogue } {
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
  const catalogue = buildCatalogue(getDefaultCatalogue(), [{ folder, layer: parsed.config }], problems);
  let errors = 0;
  for (const [uri, list] of problems) {
    for (const p of list) {
      if (p.severity === 'error') errors++;
      err(`${displayPath(uri)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} jfp.config.invalid ${p.message}\n`);
    }
  }
  if (errors > 0) throw new UsageError(`the configuration has ${errors} error${errors === 1 ? '' : 's'} (see above)`);
  return { config: mergeConfig({}, parsed.config).config, catalogue };
}

function displayPath(uri: string): string {
  const p = uriToPath(uri) ?? uri;
  const rel = path.relative(process.cwd(), p);
  return (rel.startsWith('..') ? p : rel).split(path.sep).join('/');
}

/** Plan files named by the paths: files as given; folders searched. */
export function collectFiles(paths: string[], globs: string[]): string[] {
  const isPlanPath = planPathMatcher(globs);
  const out = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isFile()) {
      out.add(path.resolve(p));
      continue;
    }
    const found = findPlanFiles(p, isPlanPath, Infinity);
    if (found.length === 0) throw new UsageError(`no plan files found in ${p} (a plan has "plan: joint-forward-plan" in its front matter, or a name such as *forward-plan*.md)`);
    for (const f of found) out.add(path.resolve(f));
  }
  return [...out];
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      out(USAGE + '\n');
      return 0;
    }
    if (args === 'version') {
      out('0.1.0\n');
      return 0;
    }
    const { config, catalogue } = loadConfig(args.config, err);
    const files = collectFiles(args.paths, config.files);
    const index = indexCatalogue(catalogue);
    const docs = files.map((file) => {
      const buffer = fs.readFileSync(file);
      if (buffer.includes(0)) throw new UsageError(`${file} is not a text file`);
      return analyseDocument(pathToUri(file), buffer.toString('utf8'), index);
    });
    const plan = analysePlan(docs, catalogue, {
      mode: config.mode,
      levels: config.rules,
      ruleOptions: { healthAndWellbeingBoards: config.healthAndWellbeingBoards, readability: config.readability },
    });
    out(args.format === 'json' ? formatJson(plan, displayPath) : formatText(plan, displayPath));
    const missingStatutory = plan.coverage.some((c) => c.counted && c.status === 'missing' && isStatutory(catalogue.get(c.id)!));
    return missingStatutory ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jfp-check: ${e.message}\n${e.message.startsWith('no PATH') ? '\n' + USAGE + '\n' : ''}`);
      return 2;
    }
    err(`jfp-check: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

export function main(): void {
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}
