/**
 * jfp-check's command line: the options, the help text, and reading argv with Node's
 * `util.parseArgs`. Options and paths are read in order, so `--help` before a bad option
 * still shows the help; after `--` everything is a path.
 */
import { parseArgs as parseArgv } from 'node:util';
import { UsageError } from '../host/planInput.js';
import { docsUrlProblem } from '../formats/docsUrl.js';

export const FORMATS = ['text', 'json', 'annex', 'sarif', 'junit', 'html', 'docx', 'docx-annex'] as const;
export const FAIL_ON = ['missing-statutory', 'missing-any', 'never'] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = (typeof FAIL_ON)[number];

export const USAGE = `Usage: jfp-check [options] PATH...
       jfp-check [options] --baseline OLD_PATH [--baseline OLD_PATH...] PATH...

Checks a Joint Forward Plan (one or more Markdown files, or a Word .docx or PDF
file) against the statutory duties and content areas in the jfp-assist catalogue.

  PATH               a plan file, a folder searched for plan files (front matter
                     "plan: joint-forward-plan", or a name matching the plan globs),
                     or a quoted glob such as "plans/**/*.md". All files found form
                     one plan.
  --format FORMAT    text (default), json, annex (Markdown coverage annex),
                     sarif (SARIF 2.1.0), junit (JUnit XML), html (board report),
                     docx (board report as a Word document; needs --output) or
                     docx-annex (the statutory requirements table as a Word document)
  --output FILE      write the report to FILE instead of standard output
  --baseline PATH    the previous plan (file, folder or glob; repeat for more
                     files): report each item whose status changed, lost first
  --fail-on WHEN     missing-statutory (default): fail when a statutory item is
                     missing or lost coverage since the baseline; missing-any: when
                     any counted item is missing or lost coverage; either also
                     fails on any finding at error level; never: do not fail
  --quiet            text: print only the summary line; other formats: no
                     summary line on standard error
  --docs-url URL     the web address of the rule pages that reports link to
                     (SARIF helpUri): a base to which CODE.md is added, or a
                     template with {code}; default: .jfp.json "docsUrl", else the
                     docs/rules pages of the jfp-assist repository
  --config FILE      the project configuration (default: .jfp.json in the
                     current folder, if there is one); see schemas/config.schema.json
  -h, --help         show this help
  --version          show the version

Exit status: 0 when the gate passes, 1 when it fails, 2 on a usage or input error.`;

export interface Args {
  format: Format;
  config?: string;
  output?: string;
  docsUrl?: string;
  baseline: string[];
  failOn: FailOn;
  quiet: boolean;
  paths: string[];
}

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  baseline: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string' },
  'docs-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${what} "${value}" (use ${values.join(', ')})`);
}

/** Reads jfp-check's arguments; a UsageError (exit status 2) for anything it cannot use. */
export function parseArgs(argv: readonly string[]): Args | 'help' | 'version' {
  // Not strict: unknown options and missing values come back as tokens, reported below in order.
  const { tokens } = parseArgv({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const args: Args = { format: 'text', baseline: [], failOn: 'missing-statutory', quiet: false, paths: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') args.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    const written = inlineValue ? `${rawName}=${value ?? ''}` : rawName;
    if (!isOption(name)) throw new UsageError(`unknown option "${written}"`);
    if (OPTIONS[name].type === 'boolean') {
      if (value !== undefined) throw new UsageError(`unknown option "${written}"`);
      if (name === 'help') return 'help';
      if (name === 'version') return 'version';
      args.quiet = true;
      continue;
    }
    if (value === undefined) throw new UsageError(`${rawName} needs a value`);
    if (name === 'format') args.format = oneOf(FORMATS, value, 'format');
    else if (name === 'fail-on') args.failOn = oneOf(FAIL_ON, value, '--fail-on');
    else if (name === 'baseline') args.baseline.push(value);
    else if (name === 'config') args.config = value;
    else if (name === 'docs-url') {
      const problem = docsUrlProblem(value);
      if (problem) throw new UsageError(`--docs-url: ${problem}`);
      args.docsUrl = value;
    }
    else args.output = value;
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}
