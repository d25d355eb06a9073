import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import { itemsMappedTo, type DocumentAnalysis } from '../../analysis/model/document.js';
import { sectionAt } from '../../analysis/model/plan.js';
import { sectionSnippet } from '../../analysis/skeleton.js';
import type { CatalogueItem } from '../../analysis/types.js';
import * as l10n from '@vscode/l10n';

export const COMPLETION_TRIGGERS = ['#', ':', ' ', ',', '-'];

export interface CompletionOptions {
  snippets: boolean;
  markdown: boolean;
}

const STATUS_ORDER: Record<string, string> = { missing: '0', partial: '1', waived: '2', addressed: '3' };

/**
 * `at`, when the analysis is older than the editor's text: the editor's line up to the cursor, and
 * the offset in the analysed text nearest the cursor (see ../editLog.ts). Every range answered
 * is built from `position` and the line as the editor has it.
 */
export function complete(doc: DocumentAnalysis, plan: PlanAnalysis, position: Position, options: CompletionOptions, at?: { before: string; offset: number }): CompletionItem[] {
  const { lines } = doc.plan;
  const before = at?.before ?? lines.lineText(position.line).slice(0, position.character);
  const range = (from: number) => ({ start: { line: position.line, character: from }, end: position });
  const items = plan.index.catalogue.items;
  const sortKey = (item: CatalogueItem, i: number) => `${STATUS_ORDER[plan.byId.get(item.id)?.status ?? 'addressed']}${String(i).padStart(3, '0')}`;
  const doc_ = (item: CatalogueItem) => ({ kind: options.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: `${item.summary}\n\n${item.legalBasis.citation}` });

  // Inside <!-- jfp: ... --> or <!-- jfp-waive ...: ids.
  const tag = /<!--\s*jfp(-waive)?(?:\s*:\s*|\s+)(?:[\w-]+\s*,\s*)*([\w-]*)$/.exec(before);
  if (tag) {
    const partial = tag[2]!;
    return items.map((item, i) => ({
      label: item.id,
      kind: CompletionItemKind.Reference,
      detail: `${item.title} · ${plan.byId.get(item.id)?.status ?? ''}`,
      documentation: doc_(item),
      sortText: sortKey(item, i),
      textEdit: { range: range(position.character - partial.length), newText: item.id },
    }));
  }

  // At the start of a heading: the items' section headings, and whole-section snippets.
  const heading = /^(#{1,6})[ \t]+([^#]*)$/.exec(before) ?? /^(#{1,6})$/.exec(before);
  if (heading) {
    const depth = heading[1]!.length;
    const typed = heading[2] ?? '';
    const from = position.character - typed.length;
    const out: CompletionItem[] = [];
    items.forEach((item, i) => {
      const status = plan.byId.get(item.id)?.status;
      out.push({
        label: item.heading,
        kind: CompletionItemKind.Text,
        detail: `${item.title}${status ? ` · ${status}` : ''}`,
        documentation: doc_(item),
        sortText: sortKey(item, i),
        filterText: `${item.heading} ${item.aliases.join(' ')}`,
        textEdit: { range: range(from), newText: typed === '' && heading[2] === undefined ? ` ${item.heading}` : item.heading },
      });
      if (options.snippets) {
        const body = sectionSnippet(item, depth).join('\n').replace(/^#+ /, '');
        out.push({
          label: `${item.heading} (section with key elements)`,
          kind: CompletionItemKind.Snippet,
          detail: l10n.t('Section skeleton: {0}', item.title),
          documentation: doc_(item),
          sortText: sortKey(item, i) + 'z',
          filterText: `${item.heading} ${item.aliases.join(' ')}`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range: range(from), newText: heading[2] === undefined ? ` ${body}` : body },
        });
      }
    });
    return out;
  }

  // On an empty line or a list item in a mapped section: the item's missing key elements.
  const bullet = /^(\s*(?:[-*+]\s+)?)([^\s].*)?$/.exec(before);
  if (bullet && (before.trim() === '' || /^\s*[-*+]\s/.test(before))) {
    const offset = at?.offset ?? lines.offsetAt(position);
    // Items mapped to this section or to a section enclosing it.
    const ids = new Set<string>();
    for (let s: number | undefined = sectionAt(doc.plan.sections, offset); s !== undefined; s = doc.plan.sections[s]!.parent) {
      for (const id of itemsMappedTo(doc, s)) ids.add(id);
    }
    const typed = bullet[2] ?? '';
    const out: CompletionItem[] = [];
    for (const id of ids) {
      const c = plan.byId.get(id);
      const item = plan.index.catalogue.get(id);
      if (!c || !item) continue;
      c.elements.missing.forEach((label, i) => {
        out.push({
          label,
          kind: CompletionItemKind.Property,
          detail: l10n.t('Key element not yet covered · {0}', item.title),
          sortText: String(i).padStart(3, '0'),
          textEdit: { range: range(position.character - typed.length), newText: label },
        });
      });
    }
    return out;
  }
  return [];
}
