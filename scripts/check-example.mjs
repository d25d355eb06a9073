/**
 * `npm run check-example`: checks the example plan with the built CLI, as a user would run
 * `jfp-check examples/`. The example has one deliberate error (README), so the gate must fail
 * with exit status 1 and name it; this script then succeeds. Anything else (the gate passing,
 * the error not named, a usage or internal error: exit status 2) fails it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'examples/'], { cwd: root, encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
const expected = run.status === 1 && /FAILED .*jfp\.tag\.unknown at examples\/wessex-vale-joint-forward-plan\.md:\d+/.test(run.stderr + run.stdout);
if (expected) {
  process.stdout.write('\ncheck-example: the gate failed on the example\'s one deliberate error, as expected (see README).\n');
} else {
  process.stderr.write(`\ncheck-example: expected the gate to fail (exit status 1) on the deliberate jfp.tag.unknown error only; got exit status ${run.status}.\n`);
  process.exitCode = 1;
}
