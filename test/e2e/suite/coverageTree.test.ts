import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoverageResult } from '../../../shared/protocol.js';
import { activateApi, coverageOf, draftUri, exampleUri, notesUri, revertAllAndClose, type CoverageNode, type JfpApi } from './helpers.js';

/** The label of a tree item, as a string. */
const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('Coverage tree', () => {
  let api: JfpApi;
  let result: CoverageResult;

  before(async () => {
    api = await activateApi();
    result = await coverageOf(api, draftUri());
  });

  after(async () => {
    await revertAllAndClose();
  });

  function group(label: string): CoverageNode {
    const found = api.coverageTree.getChildren().find((n) => labelOf(api.coverageTree.getTreeItem(n)) === label);
    assert.ok(found, `group "${label}"`);
    return found;
  }

  function item(groupLabel: string, id: string): { node: CoverageNode; tree: vscode.TreeItem } {
    const node = api.coverageTree.getChildren(group(groupLabel)).find((n) => n.type === 'item' && n.entry.id === id);
    assert.ok(node, `${id} under "${groupLabel}"`);
    return { node, tree: api.coverageTree.getTreeItem(node) };
  }

  it('shows the coverage of the active plan document', () => {
    assert.equal(result.isPlan, true);
    assert.equal(api.coverageTree.getTarget()?.toString(), draftUri().toString());
    assert.equal(api.coverageTree.getCurrent()?.isPlan, true);
    assert.equal(result.summary.total, 33, "the 2026 edition: 27 items and six guidance items of the 2026/27 round");
  });

  it('groups the items', () => {
    const labels = api.coverageTree.getChildren().map((n) => labelOf(api.coverageTree.getTreeItem(n)));
    assert.deepEqual(labels.slice(0, 3), ['Statutory duties', 'Statutory requirements', 'Content areas']);
    const duties = api.coverageTree.getTreeItem(group('Statutory duties'));
    assert.equal(duties.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.match(String(duties.description), /^\d+\/\d+$/);
  });

  it('gives each item its status', () => {
    const integration = item('Statutory duties', 'duty-integration');
    assert.equal(integration.node.type === 'item' && integration.node.entry.status, 'addressed');
    assert.match(String(integration.tree.description), /^addressed · 1 section/);
    assert.equal(integration.tree.contextValue, 'item.addressed');

    const research = item('Statutory duties', 'duty-research');
    assert.equal(research.node.type === 'item' && research.node.entry.status, 'missing');
    assert.equal(research.tree.description, 'missing');
    assert.equal(research.tree.contextValue, 'item.missing');
    assert.equal(labelOf(research.tree), 'Duty in respect of research');

    const climate = item('Statutory duties', 'duty-climate-change');
    assert.match(String(climate.tree.description), /^partial/);
  });

  it('counts sections in other files of the same plan', () => {
    const victims = item('Statutory requirements', 'need-victims-of-abuse');
    assert.equal(victims.node.type === 'item' && victims.node.entry.status, 'addressed');
    const evidence = api.coverageTree.getChildren(victims.node).filter((n) => n.type === 'evidence');
    assert.ok(evidence.length > 0);
    const shown = api.coverageTree.getTreeItem(evidence[0]!);
    assert.match(String(shown.description), /place-chapter\.md$/, 'evidence in another file names it');
    assert.equal(shown.command?.command, 'jfp.revealEvidence');
  });

  it('follows the active editor: a standalone plan, then a file that is not a plan', async () => {
    const example = await coverageOf(api, exampleUri());
    assert.equal(example.isPlan, true);
    assert.equal(example.items.find((i) => i.id === 'duty-climate-change')?.status, 'addressed');
    assert.equal(example.items.find((i) => i.id === 'need-victims-of-abuse')?.status, 'addressed');
    assert.equal(example.items.find((i) => i.id === 'area-procurement')?.status, 'waived');

    const notes = await coverageOf(api, notesUri());
    assert.equal(notes.isPlan, false);
    assert.deepEqual(api.coverageTree.getChildren(), []);
  });
});
