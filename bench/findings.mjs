/**
 * `npm run findings -- [--strip-comments] [--json] PATH...`: how much jfp-assist says about a plan.
 * For each Markdown file (a file, or every .md file directly in a folder), analysed on its own as a
 * whole plan, prints its words, its findings by level and per 1,000 words, the most jfp
 * diagnostics on one line, the largest quick-fix menu on one line, the largest quick-fix menu on
 * a line with a plan-level diagnostic (the plan summary, missing or partly covered items, process
 * and period findings: what the title carries), and the length of what a hover on the title shows
 * (its diagnostics' messages and our hover). Ends with totals per folder, and exits 1 when a line
 * carries more than two jfp diagnostics or a plan-level menu more than five entries (issue 15).
 *
 * --strip-comments removes `<!-- ... -->` first (the development corpus keeps provenance notes in
 * comments; a plan's own `jfp` comments are kept by leaving the option off).
 * Needs `tsc -b` first (the npm script does it). Reads only the paths given.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const S = (f) => pathToFileURL(path.join(ROOT, 'out', 'server', 'src', f)).href;
const { analyseText } = await import(S('analysis/analyse.js'));
const { toDiagnostic } = await import(S('lsp/features/diagnostics.js'));
const { codeActions } = await import(S('lsp/features/codeActions.js'));
const { hover } = await import(S('lsp/features/hover.js'));

const LEVELS = ['error', 'warning', 'information', 'hint'];
/** Findings about the plan as a whole, shown on its title. */
const PLAN_LEVEL = /^jfp\.(plan|duty|process)\./;
/** The limits issue 15 sets: jfp diagnostics on one line, entries in a plan-level quick-fix menu. */
const MAX_PER_LINE = 2;
const MAX_PLAN_FIXES = 5;
const args = process.argv.slice(2);
const strip = args.includes('--strip-comments');
const asJson = args.includes('--json');
const paths = args.filter((a) => !a.startsWith('--'));
if (paths.length === 0) {
  console.error('usage: npm run findings -- [--strip-comments] [--json] PATH...');
  process.exit(2);
}

/** Words of prose: whitespace-separated tokens, not counting comments, `#` marks or front matter. */
function countWords(text) {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/<!--[\s\S]*?-->/g, ' ');
  return body.split(/\s+/).filter((t) => t !== '' && !/^#+$/.test(t)).length;
}

/** Comments blanked out, keeping every line break so positions stay meaningful. */
function stripComments(text) {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
}

function measure(file) {
  let text = fs.readFileSync(file, 'utf8');
  if (strip) text = stripComments(text);
  const uri = pathToFileURL(path.resolve(file)).href;
  const plan = analyseText(uri, text);
  const doc = plan.documents[0];
  const findings = (plan.presented ?? plan.findings).get(uri) ?? [];
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, findings.filter((f) => f.severity === l).length]));
  const byCode = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const perLine = new Map();
  for (const f of findings) perLine.set(f.range.start.line, [...(perLine.get(f.range.start.line) ?? []), f]);
  let maxPerLine = 0;
  let maxFixes = 0;
  let planFixes = 0;
  for (const list of perLine.values()) {
    maxPerLine = Math.max(maxPerLine, list.length);
    // The menu VS Code offers on the line: the actions for every diagnostic on it.
    const menu = codeActions(doc, plan, list.map(toDiagnostic)).length;
    maxFixes = Math.max(maxFixes, menu);
    if (list.some((f) => PLAN_LEVEL.test(f.code))) planFixes = Math.max(planFixes, menu);
  }
  const title = doc.plan.title;
  let titleHover = 0;
  if (title) {
    const line = doc.plan.lines.positionAt(title.start).line;
    const onTitle = perLine.get(line) ?? [];
    const ours = hover(doc, plan, { line, character: doc.plan.lines.positionAt(title.end).character - 1 }, 'markdown');
    titleHover = onTitle.reduce((n, f) => n + f.message.length, 0) + (ours ? ours.contents.value.length : 0);
  }
  const words = countWords(text);
  const per1000 = Object.fromEntries(LEVELS.map((l) => [l, words ? Math.round((byLevel[l] * 10000) / words) / 10 : 0]));
  return { file, words, total: findings.length, byLevel, per1000, byCode, maxPerLine, maxFixes, planFixes, titleHover, percent: Math.round(plan.percent) };
}

function filesOf(p) {
  if (fs.statSync(p).isDirectory()) {
    return fs
      .readdirSync(p)
      .filter((f) => /\.(md|markdown)$/i.test(f) && f.toLowerCase() !== 'readme.md')
      .sort()
      .map((f) => path.join(p, f));
  }
  return [p];
}

const results = [];
for (const p of paths) {
  const rows = filesOf(p).map(measure);
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  const words = sum('words');
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, rows.reduce((n, r) => n + r.byLevel[l], 0)]));
  const per1000 = Object.fromEntries(LEVELS.map((l) => [l, words ? Math.round((byLevel[l] * 10000) / words) / 10 : 0]));
  const max = (k) => rows.reduce((n, r) => Math.max(n, r[k]), 0);
  results.push({ path: p, files: rows, total: { words, findings: sum('total'), byLevel, per1000, maxPerLine: max('maxPerLine'), maxFixes: max('maxFixes'), planFixes: max('planFixes'), titleHover: max('titleHover') } });
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const head = '| file | words | findings | error | warning | information | hint | per 1,000 words (E/W/I/H) | max per line | max fixes | max plan-level fixes | title hover chars | coverage |';
  for (const r of results) {
    console.log(`\n${r.path}\n`);
    console.log(head);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    const row = (name, x, findings) =>
      `| ${name} | ${x.words} | ${findings} | ${LEVELS.map((l) => x.byLevel[l]).join(' | ')} | ${LEVELS.map((l) => x.per1000[l]).join(' / ')} | ${x.maxPerLine} | ${x.maxFixes} | ${x.planFixes} | ${x.titleHover} |`;
    for (const f of r.files) console.log(`${row(path.basename(f.file), f, f.total)} ${f.percent}% |`);
    console.log(`${row('**all**', r.total, r.total.findings)} |`);
    const codes = {};
    for (const f of r.files) for (const [c, n] of Object.entries(f.byCode)) codes[c] = (codes[c] ?? 0) + n;
    console.log(`\nby code: ${Object.entries(codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
}

const over = results.filter((r) => r.total.maxPerLine > MAX_PER_LINE || r.total.planFixes > MAX_PLAN_FIXES);
for (const r of over) console.error(`${r.path}: ${r.total.maxPerLine} jfp diagnostics on one line (limit ${MAX_PER_LINE}), ${r.total.planFixes} entries in a plan-level quick-fix menu (limit ${MAX_PLAN_FIXES})`);
if (over.length > 0) process.exitCode = 1;
