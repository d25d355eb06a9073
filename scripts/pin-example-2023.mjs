// Writes test/data/example-2023-coverage.json: the example plan's coverage under the 2023
// edition, pinned by test/unit/editions2023.test.ts. Run after `npx tsc -b`, and only when a
// change to the catalogue or the example is meant to change the 2023 results:
//   node scripts/pin-example-2023.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { pinnedCoverage } = await import(path.join(root, 'out/test/unit/editions2023.pin.js'));
const text = fs.readFileSync(path.join(root, 'examples/wessex-vale-joint-forward-plan.md'), 'utf8');
fs.writeFileSync(path.join(root, 'test/data/example-2023-coverage.json'), JSON.stringify(pinnedCoverage(text), null, 2) + '\n');
