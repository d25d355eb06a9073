/**
 * The targets of issue 16, checked against one run's figures: each is MET, MISSED (by how
 * much), or not measured in this run. Ratios are within one run, so a busy machine slows both
 * sides alike. The targets are for plans with footnotes and reference links ('notes'); when the
 * run has no such plans, the plain ones are used and the verdict says so.
 */
import { label, ratio, round } from './stats.mjs';

/** A verdict for `actual ≤ limit`; `unit` '×' for ratios, 'ms' or 'MB' otherwise. */
export function verdict(actual, limit, unit) {
  if (!Number.isFinite(actual) || !Number.isFinite(limit)) return { status: 'NOT MEASURED', text: 'NOT MEASURED' };
  const shown = (x) => (unit === '×' ? `${x}×` : `${round(x)} ${unit}`);
  if (actual <= limit) return { status: 'MET', text: `MET (${shown(actual)}, target ≤ ${shown(limit)})` };
  const by = unit === '×' ? `${ratio(actual, limit)} times the target` : `${round(actual - limit)} ${unit} (${ratio(actual, limit)} times the target)`;
  return { status: 'MISSED', text: `MISSED by ${by} (${shown(actual)}, target ≤ ${shown(limit)})` };
}

/** How far memory grew over the edits, against "no growth" (read as: at most 10% over the first sample). */
function growthVerdict(memory) {
  if (!memory) return verdict(NaN, NaN);
  const limit = Math.round(memory.first * 1.1);
  const v = verdict(memory.last, limit, 'MB');
  return { ...v, text: `${v.text}; ${memory.first} MB after ${memory.samples[0]?.edits} edits, ${memory.last} MB after ${memory.edits}, +${memory.growth} MB` };
}

/** Every target with its verdict, in the order of the issue. */
export function checkTargets({ results, cli, memory }) {
  const kind = results.some((r) => r.kind === 'notes') ? 'notes' : 'plain';
  const note = kind === 'notes' ? '' : ' (plain plans: this run had none with footnotes)';
  const at = (size) => results.find((r) => r.kind === kind && r.size === size);
  const mid = at(200_000);
  const big = at(2_000_000);
  const targets = [
    { target: 'edit → diagnostics p95 at 200 KB ≤ 0.25 × one bare remark parse', ...verdict(ratio(mid?.f95, mid?.a), 0.25, '×') },
    { target: 'edit → diagnostics p95 at 200 KB ≤ 3 × the trivial server (edit → ack p95)', ...verdict(ratio(mid?.f95, mid?.t95), 3, '×') },
    { target: 'edit → diagnostics p95 at 2 MB ≤ 0.1 × one bare remark parse', ...verdict(ratio(big?.f95, big?.a), 0.1, '×') },
    { target: 'hover while typing on a 2 MB plan ≤ 2 × idle hover (p50)', ...verdict(ratio(big?.hoverTyping50, big?.hoverIdle50), 2, '×') },
  ];
  for (const r of results.filter((x) => x.kind === kind)) {
    targets.push({ target: `cold analysis ≤ markdownlint at ${label(r.size)}`, ...verdict(ratio(r.d, r.c), 1, '×') });
  }
  targets.push({ target: 'server peak RSS ≤ 300 MB at 2 MB', ...verdict(big?.g, 300, 'MB') });
  targets.push({
    target: cli ? `CLI on ${cli.plans} plans of ${label(cli.bytes)} ≤ markdownlint-cli2 on the same files` : 'CLI on 42 plans of 300 KB ≤ markdownlint-cli2',
    ...verdict(ratio(cli?.jfp, cli?.markdownlintCli2), 1, '×'),
  });
  targets.push({ target: memory ? `no memory growth over ${memory.edits} edits (${label(memory.bytes)} plan)` : 'no memory growth over 5000 edits', ...growthVerdict(memory) });
  return targets.map((t) => ({ ...t, target: t.target + note }));
}
