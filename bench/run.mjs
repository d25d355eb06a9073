/**
 * `npm run bench`: jfp-assist beside its peers, in one run so each figure sits beside the
 * others on a busy machine. For generated plans of 20 KB, 200 KB and 2 MB, plain and with
 * footnotes and reference links: in process (inprocess.mjs) bare remark, remark as jfp-assist
 * runs it, markdownlint, jfp-assist cold and after an edit, vscode-markdown-languageservice after
 * the same edit; over stdio (stdio.mjs) the built server's cold open, edit → diagnostics and
 * its CPU time per edit, hover idle and while typing and peak memory, beside a trivial server's
 * edit → ack; then jfp-check against markdownlint-cli2 on many plans (cli.mjs) and the server's
 * memory over many edits (memoryEdits.mjs). Prints Markdown tables and every target of issue 16 as MET or MISSED
 * (targets.mjs), and writes bench/results.json. Needs a build first (the npm script does it).
 *
 * Environment (defaults in brackets):
 *   BENCH_SIZES=20000,200000        plan sizes in bytes [20000,200000,2000000]
 *   BENCH_KINDS=notes               plain, notes (footnotes and reference links) or both [plain,notes]
 *   BENCH_RUNS, BENCH_EDITS         timed runs in process [5, 2 when one takes over 1 s]; edits over stdio [50]
 *   BENCH_HOVERS, BENCH_TYPING_MS   hovers idle and while typing [20]; ms between keystrokes [100]
 *   BENCH_EDITS_LARGE, BENCH_HOVERS_LARGE   the same for plans of 1 MB or more [20, 10]
 *   BENCH_CLI_PLANS, BENCH_CLI_SIZE plans for the CLI figure, 0 to skip [42]; bytes each [300000]
 *   BENCH_CLI_RUNS                  runs of each CLI [1]
 *   BENCH_CLI_SERIAL=1              also time jfp-check on one thread (JFP_CHECK_JOBS=1) [0]
 *   BENCH_MEMORY_EDITS              edits for the memory figure, 0 to skip [5000]
 *   BENCH_MEMORY_SIZE               plan size for the memory figure [20000]
 *   BENCH_MEMORY_BURST              edits sent back to back before waiting for diagnostics [10]
 *   BENCH_QUICK=1                   a quick look: 20 KB with footnotes, 4 CLI plans, 200 memory edits
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBench } from './cli.mjs';
import { generatePlan } from './generate.mjs';
import { inProcess } from './inprocess.mjs';
import { memoryOverEdits } from './memoryEdits.mjs';
import { cliLine, inProcessTable, memoryLine, stdioTable, targetsTable } from './report.mjs';
import { label } from './stats.mjs';
import { jfpOverStdio, trivialOverStdio } from './stdio.mjs';
import { checkTargets } from './targets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const quick = env.BENCH_QUICK === '1';
const num = (key, full, fast = full) => Number(env[key] ?? (quick ? fast : full));
const SIZES = (env.BENCH_SIZES ?? (quick ? '20000' : '20000,200000,2000000')).split(',').map(Number);
const KINDS = (env.BENCH_KINDS ?? (quick ? 'notes' : 'plain,notes')).split(',');
const RUNS = num('BENCH_RUNS', 5, 3);
const EDITS = num('BENCH_EDITS', 50, 20);
const HOVERS = num('BENCH_HOVERS', 20, 10);
const EDITS_LARGE = num('BENCH_EDITS_LARGE', 20);
const HOVERS_LARGE = num('BENCH_HOVERS_LARGE', 10);
const TYPING_MS = num('BENCH_TYPING_MS', 100);
const CLI_PLANS = num('BENCH_CLI_PLANS', 42, 4);
const CLI_SIZE = num('BENCH_CLI_SIZE', 300_000, 50_000);
const CLI_RUNS = num('BENCH_CLI_RUNS', 1);
const CLI_SERIAL = env.BENCH_CLI_SERIAL === '1';
const MEMORY_EDITS = num('BENCH_MEMORY_EDITS', 5000, 200);
const MEMORY_SIZE = num('BENCH_MEMORY_SIZE', 20_000);
const MEMORY_BURST = num('BENCH_MEMORY_BURST', 10);

for (const f of ['dist/server.cjs', 'dist/cli.cjs', 'out/server/src/analysis/analyse.js']) {
  if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first (npm run bench does).`);
}

const log = (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  date: new Date().toISOString(),
  load: os.loadavg().map((l) => Math.round(l * 10) / 10),
};

const results = [];
for (const kind of KINDS) {
  for (const size of SIZES) {
    const text = generatePlan(size, 42, kind === 'notes');
    const r = { kind, size, chars: text.length };
    Object.assign(r, await inProcess(text, RUNS));
    log(`${label(size)} ${kind}: in process done`);
    const large = size >= 1_000_000;
    r.edits = large ? EDITS_LARGE : EDITS;
    r.hovers = large ? HOVERS_LARGE : HOVERS;
    Object.assign(r, await trivialOverStdio(text, { edits: r.edits }));
    Object.assign(r, await jfpOverStdio(text, { edits: r.edits, hovers: r.hovers, typingIntervalMs: TYPING_MS }));
    log(`${label(size)} ${kind}: over stdio done`);
    results.push(r);
  }
}
let cli;
if (CLI_PLANS > 0) {
  cli = await cliBench(CLI_PLANS, CLI_SIZE, CLI_RUNS, CLI_SERIAL);
  log('CLI done');
}
let memory;
if (MEMORY_EDITS > 0) {
  memory = { bytes: MEMORY_SIZE, ...(await memoryOverEdits(generatePlan(MEMORY_SIZE, 42, true), MEMORY_EDITS, MEMORY_BURST)) };
  log('memory done');
}
machine.loadAfter = os.loadavg().map((l) => Math.round(l * 10) / 10);
const targets = checkTargets({ results, cli, memory });
const settings = { runs: RUNS, edits: EDITS, hovers: HOVERS, editsLarge: EDITS_LARGE, hoversLarge: HOVERS_LARGE, typingIntervalMs: TYPING_MS };
fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({ machine, settings, results, cli, memory, targets }, null, 2) + '\n');

const out = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}), ${machine.date}, load average ${machine.load[0]} before and ${machine.loadAfter[0]} after`,
  `In process: median of ${RUNS} runs after a warm-up (2 runs when the warm-up took over a second).`,
  '',
  inProcessTable(results),
  '',
  `Over stdio: ${EDITS} one-character edits spread through the plan (${EDITS_LARGE} at 2 MB), debounce 0, after the complete analysis of the opened plan and one edit timed on its own; ${HOVERS} hovers (${HOVERS_LARGE} at 2 MB) on headings idle (before and after typing) and while typing (a keystroke every ${TYPING_MS} ms, each followed by a hover).`,
  '',
  stdioTable(results),
  '',
  cliLine(cli),
  '',
  memoryLine(memory),
  '',
  targetsTable(targets),
  '',
];
process.stdout.write(out.join('\n'));
