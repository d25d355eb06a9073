/**
 * The command-line figure of `npm run bench`: jfp-check (dist/cli.cjs) against markdownlint-cli2
 * on the same `count` generated plans of `bytes` each (footnotes and reference links), each plan
 * in its own folder. Both run as a fresh process in the folder holding the plans, output discarded;
 * the figure is the wall-clock time of the whole run.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate.mjs';
import { median, round } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKDOWNLINT_CLI2 = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** Writes the plans; returns the folder. */
export function writePlans(count, bytes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-bench-cli-'));
  for (let i = 1; i <= count; i++) {
    const id = String(i).padStart(2, '0');
    const text = generatePlan(bytes, 1000 + i, true).replaceAll('Benchmark Vale', `Benchmark Vale ${id}`);
    fs.mkdirSync(path.join(dir, `icb-${id}`));
    fs.writeFileSync(path.join(dir, `icb-${id}`, `icb-${id}-joint-forward-plan.md`), text);
  }
  return dir;
}

/** Wall-clock ms of one run of `node args...` in `cwd`, and its exit status. */
function timed(args, cwd, env = process.env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - start, code, stderr }));
  });
}

/**
 * Median wall-clock time of `runs` runs of each tool on the same plans: jfp-check as it runs
 * (whole plans checked on every core, the main thread included), markdownlint-cli2, and, when
 * `serial`, jfp-check on one thread (JFP_CHECK_JOBS=1) to show what the threads bring.
 */
export async function cliBench(count, bytes, runs, serial = true) {
  const dir = writePlans(count, bytes);
  const jfpCheck = async (env) => {
    const j = await timed([path.join(ROOT, 'dist', 'cli.cjs'), '--fail-on', 'never', '--quiet', '.'], dir, env);
    if (j.code !== 0) throw new Error(`jfp-check exited with ${j.code}: ${j.stderr}`);
    return j.ms;
  };
  try {
    const jfp = [];
    const lint = [];
    const one = [];
    for (let i = 0; i < runs; i++) {
      jfp.push(await jfpCheck(process.env));
      const m = await timed([MARKDOWNLINT_CLI2, '**/*.md'], dir);
      if (m.code !== 0 && m.code !== 1) throw new Error(`markdownlint-cli2 exited with ${m.code}: ${m.stderr}`);
      lint.push(m.ms);
      if (serial) one.push(await jfpCheck({ ...process.env, JFP_CHECK_JOBS: '1' }));
    }
    return { plans: count, bytes, jfp: round(median(jfp)), markdownlintCli2: round(median(lint)), jfpOneThread: serial ? round(median(one)) : NaN, cores: os.availableParallelism() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
