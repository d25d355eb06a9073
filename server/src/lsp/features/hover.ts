import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { explainItem, type TextFormat } from '../../analysis/explain.js';
import { getGlossary, isUnconfirmed, type GlossaryEntry, type GlossaryLookup, type OutdatedTerm } from '../../analysis/data/glossary.js';
import { sectionAt } from '../../analysis/model/plan.js';
import { countingNote, coverageFigure, statutoryGaps } from '../../analysis/present/headline.js';
import { planTitle } from '../../formats/html.js';
import { Commands } from '../../../../shared/protocol.js';
import * as l10n from '@vscode/l10n';

/** Ids of the items the text under the cursor refers to, with the range it covers. */
export function itemsAt(doc: DocumentAnalysis, plan: PlanAnalysis, position: Position): { ids: string[]; start: number; end: number } | undefined {
  const { plan: model } = doc;
  const offset = model.lines.offsetAt(position);
  // 1. A jfp comment: the id under the cursor, else every id in the comment.
  const tag = model.tags.find((t) => t.start <= offset && offset <= t.end);
  if (tag) {
    const known = tag.ids.filter((t) => plan.index.catalogue.has(t.id));
    const under = known.find((t) => t.start <= offset && offset <= t.end);
    if (under) return { ids: [under.id], start: under.start, end: under.end };
    if (known.length > 0) return { ids: known.map((t) => t.id), start: tag.start, end: tag.end };
    return undefined;
  }
  // 2. A heading mapped to items, by its wording or by a tag in its section.
  const section = model.sections[sectionAt(model.sections, offset)]!;
  if (section.depth > 0 && offset >= section.headingStart && offset <= section.headingEnd) {
    const ids = new Set(doc.headingItems[section.index]);
    for (const t of model.tags) if (t.kind === 'map' && t.section === section.index) for (const id of t.ids) if (plan.index.catalogue.has(id.id)) ids.add(id.id);
    if (ids.size > 0) return { ids: [...ids], start: section.headingStart, end: section.headingEnd };
  }
  // 3. An item's title or a common wording of it, in running text.
  const lineStart = model.lines.lineStart(position.line);
  const lineText = model.lines.lineText(position.line);
  for (const hit of plan.index.headingMatcher.match(lineText)) {
    const start = lineStart + hit.start;
    const end = lineStart + hit.end;
    if (start <= offset && offset <= end) return { ids: plan.index.headingPhrases.get(hit.key) ?? [], start, end };
  }
  return undefined;
}

/** The glossary entry or outdated term under the cursor (never in code, comments or link targets). */
export function glossaryAt(doc: DocumentAnalysis, position: Position): GlossaryLookup | undefined {
  const { plan: model } = doc;
  const offset = model.lines.offsetAt(position);
  return getGlossary().lookupAt(model.text, offset, model.excluded, model.lines.lineStart(position.line), model.lines.lineEnd(position.line));
}

/** The hover text for a glossary lookup: what an outdated term became, then each entry's expansion and meaning. */
export function explainGlossary(found: Pick<GlossaryLookup, 'entries' | 'outdated'>, format: TextFormat): string {
  const md = format === 'markdown';
  const bold = (s: string) => (md ? `**${s}**` : s);
  const esc = (s: string) => (md ? s.replace(/([\\`*_[\]<>])/g, '\\$1') : s);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const name = (term: string, abbreviation: string | undefined) => cap(term) + (abbreviation ? ` (${abbreviation})` : '');
  const unconfirmed = (c: GlossaryEntry['confidence']) => (isUnconfirmed(c) ? ` (${l10n.t('unconfirmed')})` : '');
  const blocks: string[] = [];
  const o: OutdatedTerm | undefined = found.outdated;
  if (o) {
    const instead = o.replacement
      ? l10n.t('Write "{0}" instead.', o.replacement + (o.replacementAbbreviation ? ` (${o.replacementAbbreviation})` : ''))
      : l10n.t('There is no single replacement: name the body you mean.');
    blocks.push([`${bold(esc(name(o.term, o.abbreviation)))} · ${l10n.t('out of date')}`, `${esc(o.what)} (${esc(o.source)}).${unconfirmed(o.confidence)}`, esc(instead)].join('\n\n'));
  }
  for (const e of found.entries) {
    const lines = [bold(esc(name(e.term, e.abbreviation))), `${esc(e.meaning)}${unconfirmed(e.confidence)}`];
    if (e.source) lines.push(l10n.t('Source: {0}.', esc(e.source)));
    blocks.push(lines.join('\n\n'));
  }
  return blocks.join(md ? '\n\n---\n\n' : '\n\n');
}

/**
 * The hover on the plan's title: short, because the title also carries the plan-level
 * diagnostics. The plan's name and figure, its statutory gaps in one line, and a link to the
 * coverage view, which lists each item with its actions.
 */
export function titleHover(doc: DocumentAnalysis, plan: PlanAnalysis, position: Position, format: TextFormat): Hover | null {
  const title = doc.plan.title;
  if (!title || doc.uri !== plan.primary) return null;
  const range = doc.plan.lines.rangeOf(title.start, title.end);
  if (position.line !== range.start.line) return null;
  const md = format === 'markdown';
  const esc = (s: string) => (md ? s.replace(/([\\`*_[\]<>])/g, '\\$1') : s);
  const gaps = statutoryGaps(plan.coverage).length;
  const lines = [
    `${md ? `**${esc(planTitle(plan).title)}**` : planTitle(plan).title} · ${coverageFigure(plan.summary, plan.percent)}`,
    `${gaps === 0 ? l10n.t('Every statutory item is covered or waived.') : gaps === 1 ? l10n.t('1 statutory item is not covered.') : l10n.t('{0} statutory items are not covered.', gaps)} ${countingNote()}`,
    md ? `[${l10n.t('Show plan coverage')}](command:${Commands.showCoverage})` : l10n.t('The Plan coverage view lists each item.'),
  ];
  return { contents: { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value: lines.join('\n\n') }, range };
}

export function hover(doc: DocumentAnalysis, plan: PlanAnalysis, position: Position, format: TextFormat): Hover | null {
  const onTitle = titleHover(doc, plan, position, format);
  if (onTitle) return onTitle;
  const found = itemsAt(doc, plan, position);
  // Catalogue items (duty headings, jfp comments) take precedence over the glossary.
  if (!found || found.ids.length === 0) {
    const term = glossaryAt(doc, position);
    if (!term) return null;
    return {
      contents: { kind: format === 'markdown' ? MarkupKind.Markdown : MarkupKind.PlainText, value: explainGlossary(term, format) },
      range: doc.plan.lines.rangeOf(term.start, term.end),
    };
  }
  const separator = format === 'markdown' ? '\n\n---\n\n' : '\n\n';
  const value = found.ids
    .map((id) => plan.index.catalogue.get(id))
    .filter((item) => item !== undefined)
    .map((item) => explainItem(item, plan.byId.get(item.id), format))
    .join(separator);
  return {
    contents: { kind: format === 'markdown' ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: doc.plan.lines.rangeOf(found.start, found.end),
  };
}
