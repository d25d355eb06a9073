/**
 * Answers the web worker's file requests (shared/protocol.ts) with `vscode.workspace.fs`, so
 * that in vscode.dev a plan's other files, .jfp.json and extra catalogues are read like on the
 * desktop. Only files inside a workspace folder are read.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListFolderRequest, ReadFileRequest, StatFileRequest, type FileType } from '../../../shared/protocol.js';

function typeOf(type: vscode.FileType): FileType {
  if (type & vscode.FileType.Directory) return 'directory';
  return type & vscode.FileType.File ? 'file' : 'other';
}

/** The URI, when it names something inside a workspace folder. */
function inWorkspace(uri: string): vscode.Uri | undefined {
  try {
    const parsed = vscode.Uri.parse(uri, true);
    return vscode.workspace.getWorkspaceFolder(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const reason = (e: unknown) => (e instanceof vscode.FileSystemError ? e.code : e instanceof Error ? e.message : String(e));

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ReadFileRequest, async ({ uri, maxBytes }) => {
      const target = inWorkspace(uri);
      if (!target) return { error: 'OutsideWorkspace' };
      try {
        const bytes = await vscode.workspace.fs.readFile(target);
        return { text: new TextDecoder().decode(maxBytes === undefined ? bytes : bytes.subarray(0, maxBytes)) };
      } catch (e) {
        return { error: reason(e) };
      }
    }),
    client.onRequest(StatFileRequest, async ({ uri }) => {
      const target = inWorkspace(uri);
      if (!target) return null;
      try {
        const stat = await vscode.workspace.fs.stat(target);
        return { type: typeOf(stat.type), size: stat.size, mtime: stat.mtime };
      } catch {
        return null;
      }
    }),
    client.onRequest(ListFolderRequest, async ({ uri }) => {
      const target = inWorkspace(uri);
      if (!target) return [];
      try {
        return (await vscode.workspace.fs.readDirectory(target)).map(([name, type]) => ({ name, type: typeOf(type) }));
      } catch {
        return [];
      }
    }),
  ];
}
