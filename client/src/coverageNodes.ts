/** The nodes of the coverage tree and how each is shown. */
import * as vscode from 'vscode';
import { Commands, type CoverageEntry } from '../../shared/protocol.js';
import { buildGroups as groupEntries, evidenceDescription, groupDescription, itemChildren, itemDescription, type CoverageNode } from './logic/coverageModel.js';
import { sameUri } from './util.js';

export { itemChildren, itemIdOf, type CoverageNode } from './logic/coverageModel.js';

/** The top-level nodes, labelled in the editor's language. */
export function buildGroups(items: CoverageEntry[]): CoverageNode[] {
  return groupEntries(items, vscode.l10n.t);
}

const STATUS_ICONS: Record<CoverageEntry['status'], vscode.ThemeIcon> = {
  addressed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  waived: new vscode.ThemeIcon('circle-slash'),
};

/** The TreeItem of a node; `target` is the document shown, so that evidence in other plan files names its file. */
export function treeItemFor(node: CoverageNode, target: vscode.Uri | undefined): vscode.TreeItem {
  switch (node.type) {
    case 'group':
      return groupItem(node);
    case 'item':
      return itemItem(node);
    case 'evidence': {
      const { evidence: ev, entry } = node;
      const item = new vscode.TreeItem(ev.heading || vscode.l10n.t('(before the first heading)'), vscode.TreeItemCollapsibleState.None);
      item.id = `ev:${entry.id}:${node.index}`;
      item.description = evidenceDescription(ev, target && !sameUri(ev.file, target) ? basename(ev.file) : undefined, vscode.l10n.t);
      item.iconPath = new vscode.ThemeIcon('go-to-file');
      item.contextValue = 'evidence';
      if (ev.quote) item.tooltip = `“${ev.quote}”${ev.terms.length > 0 ? `\n${vscode.l10n.t('Matched terms: {0}', ev.terms.join(', '))}` : ''}`;
      else if (ev.terms.length > 0) item.tooltip = vscode.l10n.t('Matched terms: {0}', ev.terms.join(', '));
      item.command = { command: Commands.revealEvidence, title: vscode.l10n.t('Reveal section'), arguments: [ev.file, ev.line] };
      return item;
    }
    case 'waiver': {
      const item = new vscode.TreeItem(vscode.l10n.t('Waiver'), vscode.TreeItemCollapsibleState.None);
      item.id = `waiver:${node.entry.id}`;
      item.description = vscode.l10n.t('line {0}', node.waiver.line);
      item.tooltip = node.waiver.reason ? vscode.l10n.t('Reason: {0}', node.waiver.reason) : vscode.l10n.t('The waiver gives no reason.');
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.contextValue = 'waiver';
      item.command = { command: Commands.revealEvidence, title: vscode.l10n.t('Reveal waiver'), arguments: [node.waiver.file, node.waiver.line] };
      return item;
    }
    case 'element': {
      const item = new vscode.TreeItem(node.element, vscode.TreeItemCollapsibleState.None);
      item.id = `el:${node.entry.id}:${node.index}`;
      item.description = vscode.l10n.t('key element not found');
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.contextValue = 'element';
      return item;
    }
  }
}

function groupItem(node: Extract<CoverageNode, { type: 'group' }>): vscode.TreeItem {
  const state = node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, state);
  item.id = `group:${node.key}`;
  item.description = groupDescription(node);
  item.contextValue = 'group';
  return item;
}

function itemItem(node: Extract<CoverageNode, { type: 'item' }>): vscode.TreeItem {
  const { entry } = node;
  const hasChildren = itemChildren(entry).length > 0;
  const item = new vscode.TreeItem(entry.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `item:${entry.id}`;
  item.description = itemDescription(entry, vscode.l10n.t) + (node.counted && !entry.counted ? vscode.l10n.t(' · not counted') : '');
  item.contextValue = `item.${entry.status}`;
  item.iconPath = STATUS_ICONS[entry.status];
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(entry.title).appendMarkdown('**\n\n');
  if (entry.legalBasis) tooltip.appendText(entry.legalBasis).appendMarkdown('\n\n');
  tooltip.appendText(vscode.l10n.t('Status: {0}', entry.status));
  if (entry.elements.total > 0) tooltip.appendText(vscode.l10n.t(' · key elements {0}/{1}', entry.elements.covered, entry.elements.total));
  if (!entry.counted) tooltip.appendText(vscode.l10n.t(' · not counted'));
  item.tooltip = tooltip;
  return item;
}

function basename(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}
