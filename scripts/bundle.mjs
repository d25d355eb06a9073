// Bundles the client, the server and the CLI with esbuild (CommonJS, for Node and the VS Code extension host).
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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cliMain.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
]);
