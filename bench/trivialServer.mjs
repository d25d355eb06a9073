/**
 * The trivial language server the benchmark measures jfp-assist against: it keeps each open
 * document with vscode-languageserver-textdocument, applies incremental changes, and publishes
 * nothing. The client times an edit by sending `didChange` and then the request `bench/ack`,
 * which the server answers, after applying the change, with the document's version and length.
 * Run with `node bench/trivialServer.mjs --stdio`.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true } }));
connection.onRequest('bench/ack', ({ uri }) => {
  const doc = documents.get(uri);
  return doc ? { version: doc.version, length: doc.getText().length } : null;
});
connection.onHover(() => null);

documents.listen(connection);
connection.listen();
