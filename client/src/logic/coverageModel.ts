/**
 * The coverage tree's model: which nodes it has and what each says, from the server's
 * coverage entries. Plain logic with the translation function injected (vscode.l10n.t in
 * the extension): no VS Code, unit-tested. coverageNodes.ts turns nodes into TreeItems.
 */
import type { CoverageEntry } from '../../../shared/protocol.js';

/** Translates a message with {0}-style placeholders (vscode.l10n.t). */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

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
  { key: 'duties', label: 'Statutory duties', kinds: ['statutory-duty'], counted: true, expanded: true },
  { key: 'requirements', label: 'Statutory requirements', kinds: ['statutory-requirement'], counted: true, expanded: true },
  { key: 'content', label: 'Content areas', kinds: ['content-area', 'universal-commitment'], counted: true, expanded: true },
  { key: 'guidance', label: 'Guidance framing (not counted)', kinds: ['guidance-framing', 'related-plan'], counted: false, expanded: false },
];

/** The item id behind a command argument: an id string or any node of the tree. */
export function itemIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'entry' in arg) {
    const entry = (arg as { entry?: { id?: unknown } }).entry;
    if (typeof entry?.id === 'string') return entry.id;
  }
  return undefined;
}

const isCovered = (e: CoverageEntry) => e.status === 'addressed' || e.status === 'waived';

/** The top-level nodes: one group per kind of item that the plan has, items in catalogue order. */
export function buildGroups(items: CoverageEntry[], t: Translate): CoverageNode[] {
  return GROUPS.map((g): CoverageNode => ({
    type: 'group',
    key: g.key,
    label: t(g.label),
    counted: g.counted,
    expanded: g.expanded,
    items: items.filter((e) => g.kinds.includes(e.kind)), // catalogue order, as sent
  })).filter((g) => g.type === 'group' && g.items.length > 0);
}

/** Under an item: the sections that cover it, its waiver, then the key elements not found. */
export function itemChildren(entry: CoverageEntry): CoverageNode[] {
  return [
    ...entry.evidence.map((evidence, index): CoverageNode => ({ type: 'evidence', entry, evidence, index })),
    ...(entry.waiver ? [{ type: 'waiver', entry, waiver: entry.waiver } as const] : []),
    ...entry.elements.missing.map((element, index): CoverageNode => ({ type: 'element', entry, element, index })),
  ];
}

/** A group's figure: covered (addressed or waived) of the items it counts, e.g. "7/9". */
export function groupDescription(node: Extract<CoverageNode, { type: 'group' }>): string {
  const scored = node.counted ? node.items.filter((e) => e.counted) : node.items;
  return `${scored.filter(isCovered).length}/${scored.length}`;
}

/** What an item's row says after its title, e.g. "partial · 2 sections" or "waived · reason". */
export function itemDescription(entry: CoverageEntry, t: Translate): string {
  switch (entry.status) {
    case 'addressed':
    case 'partial':
      return entry.evidence.length === 1 ? t('{0} · 1 section', entry.status) : t('{0} · {1} sections', entry.status, entry.evidence.length);
    case 'waived':
      return entry.waiver?.reason ? t('waived · {0}', entry.waiver.reason) : t('waived');
    case 'missing':
      // A statutory item cannot be waived; a mapped section with no content yet is not coverage.
      if (entry.waiver?.notMet) return t('waived (not met) · {0}', entry.waiver.reason || t('no reason given'));
      return entry.started ? t('section started, no content yet') : t('missing');
  }
}

/** What an evidence row says after the heading, e.g. "line 12 · heading", with the file when it is not the one shown. */
export function evidenceDescription(evidence: Evidence, otherFile: string | undefined, t: Translate): string {
  const where = t('line {0} · {1}', evidence.line, evidence.how);
  return otherFile ? `${where} · ${otherFile}` : where;
}
