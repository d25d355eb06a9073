import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateApi, EXTENSION_ID } from './helpers.js';

describe('Activation', () => {
  it('loads the extension under development and activates it, returning its API', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.equal(ext.packageJSON.name, 'jfp-assist');
    const api = await activateApi();
    assert.ok(ext.isActive);
    assert.equal(api.client.isRunning(), true, 'the language server is running');
    assert.equal(typeof api.coverageTree.getChildren, 'function');
    assert.equal(typeof api.coverageTree.onDidRefresh, 'function');
  });

  it('registers every jfp command', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['jfp.insertMissingSections', 'jfp.insertSection', 'jfp.showGuidance', 'jfp.newPlan', 'jfp.refresh', 'jfp.revealEvidence']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('runs in a real VS Code with the workspace copy open, and never saves on its own', () => {
    // The tests edit documents and revert them; an auto-save would write the edits to disk.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'files.autoSave is off');
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    const folder = folders[0]!.uri.fsPath;
    assert.ok(!folder.includes(`${path.sep}test${path.sep}fixtures${path.sep}`), `the tests work on a copy of the fixtures, not ${folder}`);
    if (process.env.JFP_E2E_WORKSPACE) assert.equal(folder, process.env.JFP_E2E_WORKSPACE);
  });
});
