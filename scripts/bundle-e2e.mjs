// Bundles the extension-host test suite (test/e2e/suite) to CommonJS in out/e2e-suite/:
// index.cjs plus one <name>.test.cjs per test file. VS Code loads `extensionTestsPath`
// with `require`, and our compiled out/ is ESM, so the suite is shipped as .cjs bundles.
// `vscode` (provided by the extension host) and `mocha` stay external.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SUITE = 'test/e2e/suite';
const OUT = 'out/e2e-suite';

const entryPoints = fs
  .readdirSync(SUITE)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(SUITE, f));

fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
});
