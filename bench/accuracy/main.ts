/**
 * `npm run accuracy -- DIR` (issue 13): the engine's verdicts against a reviewer's labels.
 *   DIR                   a folder with labels.json beside Markdown files (each file is one plan)
 *   --plan FILE --expected TABLE.json   one plan against a strong/weak/absent table
 *   --logo                also judge leave-one-group-out (thresholds fitted without the held-out ICB)
 * Prints the confusion table, per-item and per-file scores, every disagreement with the evidence
 * the engine used, and last `binary 0.NN · 3-class 0.NN · macro-F1 0.NN · N labels`.
 */
import { parseArgs } from 'node:util';
import { readCorpus, readExpected, type CorpusFile } from './corpus.js';
import { leaveOneGroupOut } from './fit.js';
import { analyseCorpus, judge } from './judge.js';
import { report } from './report.js';
import { score, summaryLine } from './score.js';

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { plan: { type: 'string' }, expected: { type: 'string' }, logo: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } },
  });
  let files: CorpusFile[];
  if (values.plan !== undefined || values.expected !== undefined) {
    if (values.plan === undefined || values.expected === undefined) throw new Error('--plan and --expected go together');
    files = readExpected(values.plan, values.expected);
  } else if (positionals.length === 1) {
    files = readCorpus(positionals[0]!);
  } else {
    throw new Error('usage: npm run accuracy -- DIR [--logo]  |  npm run accuracy -- --plan PLAN.md --expected TABLE.json');
  }
  const analysed = analyseCorpus(files);
  const pairs = judge(analysed);
  const lines: string[] = [];
  if (!values.quiet) lines.push(...report(pairs, 'As shipped'));
  let last = summaryLine(score(pairs));
  if (values.logo) {
    const logo = leaveOneGroupOut(analysed);
    if (!values.quiet) {
      lines.push('', `## Leave one group out (${logo.chosen.length} groups)`, '');
      for (const [g, s] of logo.chosen) lines.push(`- without ${g}: strongMinScore ${s.strongMinScore}, strongMinSentences ${s.strongMinSentences}, strongMinShare ${s.strongMinShare}`);
      lines.push('', `As shipped: ${last}`, `Leave one group out:`);
    }
    last = summaryLine(score(logo.pairs));
  }
  lines.push(last);
  console.log(lines.join('\n'));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`accuracy: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
