/** Entry point for `jfp-language-server --stdio` (and the IPC transport used by the VS Code client). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server.js';
import { nodeFiles } from './host/nodeFiles.js';
import { loadPlanFromPaths } from './host/planFromPaths.js';
import { nodeWordPdf } from './convert/run.js';
import { setWordPdfSupport } from './lsp/features/wordCommands.js';
import { limitHeapGrowth } from './host/heap.js';

/** The rule pages shipped next to the server: dist/server.cjs -> <package>/docs/rules/. */
function defaultDocsBase(): string {
  try {
    const self = fs.realpathSync(process.argv[1] ?? '.');
    const docs = path.join(path.dirname(self), '..', 'docs', 'rules');
    return fs.existsSync(docs) ? pathToFileURL(docs + path.sep).href : '';
  } catch {
    return '';
  }
}

limitHeapGrowth();
setWordPdfSupport(nodeWordPdf);
startServer(createConnection(ProposedFeatures.all), {
  files: nodeFiles,
  docsBase: defaultDocsBase(),
  loadPlan: loadPlanFromPaths,
  // TEST ONLY (test/lsp/failures.test.ts): the analysis of a document containing this text throws.
  failOnText: process.env.JFP_TEST_THROW_ON || undefined,
});
