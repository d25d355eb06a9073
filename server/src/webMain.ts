/**
 * Entry point of the language server in a web worker (vscode.dev, github.dev and other
 * browser-based editors). The server core is the same as for Node (see ../server.ts); only
 * the transport differs. Without a file system, only documents open in the editor are
 * analysed: plan files on disk, .jfp.json files and extra catalogues are not read.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/server.js';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;

startServer(createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)));
