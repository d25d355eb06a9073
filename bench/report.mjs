/** The Markdown tables `npm run bench` prints (paste them into README.md and docs/performance.md). */
import { label, ratio } from './stats.mjs';

const name = (r) => `${label(r.size)}${r.kind === 'notes' ? ' with footnotes' : ''}`;
const ms = (x) => (Number.isFinite(x) ? `${x} ms` : 'n/a');
const times = (x) => (Number.isFinite(x) ? `${x}×` : 'n/a');

export function inProcessTable(results) {
  return [
    '| Plan | (a) remark bare | (b) remark + GFM + front matter | (c) markdownlint | (d) jfp cold | (e) jfp after 1-char edit | (v) vscode-markdown-languageservice after the same edit |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${name(r)} | ${ms(r.a)} | ${ms(r.b)} | ${ms(r.c)} | ${ms(r.d)} (${times(ratio(r.d, r.c))} c) | ${ms(r.e)} (${times(ratio(r.e, r.a))} a) | ${ms(r.v)} |`),
  ].join('\n');
}

export function stdioTable(results) {
  return [
    '| Plan | cold open → first / all diagnostics | first edit after opening | (f) edit → diagnostics p50 / p95 | (f) server CPU per edit | (t) trivial server edit → ack p50 / p95 | (f) p95 ÷ (a) / ÷ (t) p95 / ÷ (v) | hover idle p50 / p95 | hover while typing p50 / p95 | (g) server peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${name(r)} | ${r.open} / ${ms(r.openAll)} | ${ms(r.fFirst)} | ${r.f50} / ${ms(r.f95)} | ${ms(r.fCpu)} | ${r.t50} / ${ms(r.t95)} | ${times(ratio(r.f95, r.a))} / ${times(ratio(r.f95, r.t95))} / ${times(ratio(r.f95, r.v))} | ${r.hoverIdle50} / ${ms(r.hoverIdle95)} | ${r.hoverTyping50} / ${ms(r.hoverTyping95)} | ${r.g} MB |`,
    ),
  ].join('\n');
}

export function cliLine(cli) {
  if (!cli) return 'CLI: not run (BENCH_CLI_PLANS=0).';
  const one = Number.isFinite(cli.jfpOneThread) ? `; jfp-check on one thread (JFP_CHECK_JOBS=1) ${ms(cli.jfpOneThread)}` : '';
  return `CLI on ${cli.plans} plans of ${label(cli.bytes)} with footnotes (${cli.cores} cores, wall-clock): jfp-check ${ms(cli.jfp)}, markdownlint-cli2 ${ms(cli.markdownlintCli2)} (jfp-check ${times(ratio(cli.jfp, cli.markdownlintCli2))} markdownlint-cli2)${one}.`;
}

export function memoryLine(memory) {
  if (!memory) return 'Memory over edits: not run (BENCH_MEMORY_EDITS=0).';
  const samples = memory.samples.map((s) => `${s.edits}: ${s.rss}`).join(', ');
  const bursts = memory.burst > 1 ? `, in bursts of ${memory.burst} each waited for until its diagnostics arrive` : ', each waited for until its diagnostics arrive';
  return `Memory over ${memory.edits} edits of a ${label(memory.bytes)} plan with footnotes${bursts} (server RSS in MB after N edits; ${memory.seconds} s): ${samples}; peak ${memory.peak} MB.`;
}

export function targetsTable(targets) {
  return ['| Target (issue 16) | Result |', '| --- | --- |', ...targets.map((t) => `| ${t.target} | ${t.text} |`)].join('\n');
}
