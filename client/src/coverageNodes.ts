/** The nodes of the coverage tree and how each is shown. */
import * as vscode from 'vscode';
import { Commands, type CoverageEntry } from '../../shared/protocol.js';
import { sameUri } from './util.js';

type Evidence = CoverageEntry['evidence'][number];

/** Nodes of the coverage tree. */
export type CoverageNode =
  | { type: 'group'; key: string; label: string; items: CoverageEntry[]; counted: boolean; expanded: boolean }
  | { type: 'item'; entry: CoverageEntry; counted: boolean }
  | { type: 'evidence'; entry: CoverageEntry; evidence: Evidence; index: number }
  | { type: 'waiver'; entry: CoverageEntry; waiver: NonNullable<CoverageEntry['waiver']> }
  | { type: 'element'; entry: CoverageEntry; element: string; index: number };

/** The groups of the tree, in display order; `counted` groups show "covered/total". */
const GROUPS: { key: string; label: string; kinds: CoverageEntry['kind'][]; counted: boolean; expanded: boolean }[] = [
  { key: 'duties', label: vscode.l10n.t('Statutory duties'), kinds: ['statutory-duty'], counted: true, expanded: true },
  { key: 'requirements', label: vscode.l10n.t('Statutory requirements'), kinds: ['statutory-requirement'], counted: true, expanded: true },
  { key: 'content', label: vscode.l10n.t('Content areas'), kinds: ['content-area', 'universal-commitment'], counted: true, expanded: true },
  { key: 'guidance', label: vscode.l10n.t('Guidance framing (not counted)'), kinds: ['guidance-framing', 'related-plan'], counted: false, expanded: false },
];

const STATUS_ICONS: Record<CoverageEntry['status'], vscode.ThemeIcon> = {
  addressed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  waived: new vscode.ThemeIcon('circle-slash'),
};

/** The item id behind a command argument: an id string or any node of the tree. */
export function itemIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'entry' in arg) {
    const entry = (arg as { entry?: { id?: unknown } }).entry;
    if (typeof entry?.id === 'string') return entry.id;
  }
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const isCovered = (e: CoverageEntry) => e.status === 'addressed' || e.status === 'waived';

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
      const other = target && !sameUri(ev.file, target) ? ` · ${basename(ev.file)}` : '';
      item.description = `line ${ev.line} · ${ev.how}${other}`;
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
      item.description = `line ${node.waiver.line}`;
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
  const scored = node.counted ? node.items.filter((e) => e.counted) : node.items;
  item.description = `${scored.filter(isCovered).length}/${scored.length}`;
  item.contextValue = 'group';
  return item;
}

function itemItem(node: Extract<CoverageNode, { type: 'item' }>): vscode.TreeItem {
  const { entry } = node;
  const hasChildren = itemChildren(entry).length > 0;
  const item = new vscode.TreeItem(entry.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `item:${entry.id}`;
  item.description = itemDescription(entry) + (node.counted && !entry.counted ? vscode.l10n.t(' · not counted') : '');
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

export function buildGroups(items: CoverageEntry[]): CoverageNode[] {
  return GROUPS.map((g): CoverageNode => ({
    type: 'group',
    key: g.key,
    label: g.label,
    counted: g.counted,
    expanded: g.expanded,
    items: items.filter((e) => g.kinds.includes(e.kind)), // catalogue order, as sent
  })).filter((g) => g.type === 'group' && g.items.length > 0);
}

export function itemChildren(entry: CoverageEntry): CoverageNode[] {
  return [
    ...entry.evidence.map((evidence, index): CoverageNode => ({ type: 'evidence', entry, evidence, index })),
    ...(entry.waiver ? [{ type: 'waiver', entry, waiver: entry.waiver } as const] : []),
    ...entry.elements.missing.map((element, index): CoverageNode => ({ type: 'element', entry, element, index })),
  ];
}

function itemDescription(entry: CoverageEntry): string {
  switch (entry.status) {
    case 'addressed':
    case 'partial':
      return `${entry.status} · ${plural(entry.evidence.length, 'section')}`;
    case 'waived':
      return entry.waiver?.reason ? vscode.l10n.t('waived · {0}', entry.waiver.reason) : vscode.l10n.t('waived');
    case 'missing':
      if (entry.waiver?.notMet) return vscode.l10n.t('waived (not met) · {0}', entry.waiver.reason || vscode.l10n.t('no reason given'));
      return entry.started ? vscode.l10n.t('section started, no content yet') : vscode.l10n.t('missing');
  }
}

function basename(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}
