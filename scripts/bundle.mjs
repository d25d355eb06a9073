// Bundles the client, the server and the CLI with esbuild (CommonJS, for Node and the VS Code extension host),
// and the web extension: the client for the browser extension host and the server for a web worker.
// The server core imports no Node module: files come through PlanFiles (server/src/host/files.ts).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Some dependencies ship ESM only; esbuild turns them into CommonJS.
  mainFields: ['module', 'main'],
};

const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  // Both run in web workers (the web extension host, and the server's own worker): no DOM.
  conditions: ['worker'],
};

const results = await Promise.all([
  build({ ...web, format: 'cjs', entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.cjs', external: ['vscode'] }),
  build({ ...web, format: 'iife', entryPoints: ['server/src/webMain.ts'], outfile: 'dist/web/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
  // Word and PDF conversion, run in a worker thread by the server and the CLI (server/src/convert/run.ts).
  build({ ...common, entryPoints: ['server/src/convert/worker.ts'], outfile: 'dist/convert.cjs' }),
  // jfp-check's worker threads, which parse plan files on every core (server/src/cli/parallel.ts).
  build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cliWorker.cjs' }),
]);

// A warning here is a bug in waiting (e.g. an import that is undefined in the browser bundle): fail the build.
const warnings = results.reduce((n, r) => n + r.warnings.length, 0);
if (warnings > 0) {
  console.error(`bundle: ${warnings} esbuild warning(s) above; fix them.`);
  process.exit(1);
}
