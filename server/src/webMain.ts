/**
 * Entry point of the language server in a web worker (vscode.dev, github.dev and other
 * browser-based editors). The server core is the same as for Node (lsp/server.ts); only the
 * transport and the files differ: the worker has no file system, so it asks the client for
 * plan files, .jfp.json and extra catalogues (web/clientFiles.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/server.js';
import { clientFiles } from './web/clientFiles.js';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, { files: clientFiles(connection) });
