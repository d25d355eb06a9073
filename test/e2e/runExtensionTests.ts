/**
 * Runs the mocha suite in test/e2e/suite inside a real VS Code extension host, through
 * `@vscode/test-electron`'s `runTests`.
 *
 * Which VS Code runs the suite:
 *  - VSCODE_EXECUTABLE=/path/to/code: that desktop VS Code;
 *  - JFP_E2E_DOWNLOAD=1 (a machine with internet access): test-electron's usual download of
 *    desktop VS Code (version VSCODE_VERSION, default 1.100.3, the lowest we support);
 *  - otherwise (this machine, CI): test/e2e/vscode-test-shim.mjs, which runs the same suite
 *    in code-server's extension host, opened in headless Chromium.
 *
 * The suite must be bundled first (the extension host `require`s it; our out/ is ESM):
 *   node scripts/bundle.mjs && node scripts/bundle-e2e.mjs && node out/test/e2e/runExtensionTests.js
 *
 * The tests get a temporary copy of test/fixtures/workspace (opened as the workspace folder)
 * and of examples/wessex-vale-joint-forward-plan.md (next to it, outside the folder, so that
 * it stays a plan of its own rather than joining the draft's plan). The copy is deleted after.
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkInstalled, ROOT } from './codeServer.js';

const SHIM = path.join(ROOT, 'test', 'e2e', 'vscode-test-shim.mjs');
const SUITE = path.join(ROOT, 'out', 'e2e-suite', 'index.cjs');
const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');
const EXAMPLE = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');

function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: ${hint}`);
}

async function main(): Promise<number> {
  const download = process.env.JFP_E2E_DOWNLOAD === '1' && !process.env.VSCODE_EXECUTABLE;
  const executable = process.env.VSCODE_EXECUTABLE ?? SHIM;
  if (!process.env.VSCODE_EXECUTABLE && !download) checkInstalled();
  requireFile(path.join(ROOT, 'dist', 'client.cjs'), 'run `node scripts/bundle.mjs` (or `npm run build`) first.');
  requireFile(path.join(ROOT, 'dist', 'server.cjs'), 'run `node scripts/bundle.mjs` (or `npm run build`) first.');
  requireFile(SUITE, 'run `node scripts/bundle-e2e.mjs` first.');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-vscode-tests-'));
  try {
    const workspace = path.join(tmp, 'workspace');
    const example = path.join(tmp, 'examples', path.basename(EXAMPLE));
    fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
    fs.mkdirSync(path.dirname(example), { recursive: true });
    fs.copyFileSync(EXAMPLE, example);

    const started = Date.now();
    const code = await runTests({
      ...(download ? { version: process.env.VSCODE_VERSION ?? '1.100.3' } : { vscodeExecutablePath: executable }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [
        workspace,
        '--disable-extensions',
        // A fresh profile each run, kept out of the repository (test-electron's default is .vscode-test/).
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
      extensionTestsEnv: { JFP_E2E_WORKSPACE: workspace, JFP_E2E_EXAMPLE: example },
    });
    console.log(`Extension host tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return code;
  } catch (e) {
    // runTests rejects with TestRunFailedError when the tests (or the editor) fail.
    console.error(`Extension host tests failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (process.env.JFP_E2E_KEEP) console.log(`Kept ${tmp} (JFP_E2E_KEEP).`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code === 0 ? 0 : 1;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
