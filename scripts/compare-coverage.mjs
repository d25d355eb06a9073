// Compares jfp-assist's coverage of a plan with an expected-coverage table (JSON:
// { "strong": [ids], "weak": [ids], "absent": [ids] }) and prints a Markdown table.
// Used to check the scoring against the Nottingham and Nottinghamshire summary
// (see docs/coverage.md); run after `npm run build`:
//   node scripts/compare-coverage.mjs PLAN.md docs/expected/nottingham.json
import { readFileSync } from 'node:fs';
import { analyseText } from '../out/server/src/analysis/analyse.js';

const [planPath, expectedPath] = process.argv.slice(2);
if (!planPath || !expectedPath) {
  console.error('usage: node scripts/compare-coverage.mjs PLAN.md EXPECTED.json');
  process.exit(2);
}
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const plan = analyseText('file:///plan.md', readFileSync(planPath, 'utf8'));
const agrees = { strong: ['addressed'], weak: ['partial'], absent: ['missing'] };
let same = 0;
let total = 0;
console.log('| Item | Expected | jfp-assist | Agrees |');
console.log('|---|---|---|---|');
for (const level of ['strong', 'weak', 'absent']) {
  for (const id of expected[level]) {
    const c = plan.byId.get(id);
    if (!c) throw new Error(`unknown id ${id}`);
    const ok = agrees[level].includes(c.status);
    total++;
    if (ok) same++;
    console.log(`| ${c.title} | ${level} | ${c.status} | ${ok ? 'yes' : '**no**'} |`);
  }
}
console.log(`\n${same} of ${total} agree.`);
