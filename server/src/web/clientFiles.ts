/**
 * `PlanFiles` for the language server in a web worker: there is no file system here, so the
 * server asks the client (custom requests in shared/protocol.ts), which reads the workspace
 * with `vscode.workspace.fs` (client/src/web/files.ts). Works for any file system the editor
 * has, e.g. a GitHub repository in vscode.dev.
 */
import type { Connection } from 'vscode-languageserver';
import { ListFolderRequest, ReadFileRequest, StatFileRequest } from '../../../shared/protocol.js';
import { FileReadError, type PlanFiles } from '../host/files.js';

export function clientFiles(connection: Connection): PlanFiles {
  return {
    async readText(uri, maxBytes) {
      const result = await connection.sendRequest(ReadFileRequest, maxBytes === undefined ? { uri } : { uri, maxBytes });
      if ('error' in result) throw new FileReadError(uri, result.error);
      return result.text;
    },
    async stat(uri) {
      return (await connection.sendRequest(StatFileRequest, { uri })) ?? undefined;
    },
    list(uri) {
      return connection.sendRequest(ListFolderRequest, { uri });
    },
  };
}
