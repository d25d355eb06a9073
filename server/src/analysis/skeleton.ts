import { isCounted, isStatutory, type IndexedCatalogue } from './data/catalogue.js';
import { catalogueForEdition } from './data/editions.js';
import { editionById, editionForYear, getPlanning, planTypeById } from './data/planning.js';
import { parseYearRange } from './rules/planPeriod.js';
import type { DocumentAnalysis } from './model/document.js';
import type { CatalogueItem } from './types.js';
import { citation } from './text/text.js';

/** Text that cannot end an HTML comment early. */
function commentSafe(text: string): string {
  return text.replace(/--+>?/g, '-');
}

/** Text of a new section for an item: heading, mapping tag, and the author's to-do list as a comment. */
export function sectionSkeleton(item: CatalogueItem, depth: number, eol = '\n'): string {
  const lines = [
    `${'#'.repeat(depth)} ${item.heading}`,
    '',
    `<!-- jfp: ${item.id} -->`,
    '',
    `<!-- To do: ${commentSafe(item.prompt ?? `explain how the plan meets this item (${item.title}).`)}`,
    `Legal basis: ${commentSafe(citation(item))}.`,
    ...(item.keyElements.length > 0 ? ['Key elements to cover:', ...item.keyElements.map((e) => `- ${commentSafe(e.label)}`)] : []),
    '-->',
  ];
  return lines.join(eol);
}

/** The same section as a VS Code snippet body, with the prompt as a placeholder. */
export function sectionSnippet(item: CatalogueItem, depth = 2): string[] {
  const escape = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  return [
    `${'#'.repeat(depth)} \${1:${escape(item.heading)}}`,
    '',
    `<!-- jfp: ${item.id} -->`,
    '',
    `\${2:${escape(item.prompt ?? `Explain how the plan meets this item (${item.title}).`)}}`,
    '',
    ...item.keyElements.map((e, i) => `- ${escape(e.label)}: \${${i + 3}}`),
    '$0',
  ];
}

/** Heading depth for new sections: the level the document uses for its chapters (default 2). */
export function chapterDepth(doc: DocumentAnalysis): number {
  const depths = doc.plan.sections.filter((s) => s.depth > 1).map((s) => s.depth);
  return depths.length > 0 ? Math.min(...depths) : 2;
}

const BACK_MATTER = /^(appendi(x|ces)|annex|glossary|references|abbreviations|acknowledg)/i;

/** Offset where new sections go: before the back matter (appendices, glossary), else at the end. */
export function insertionOffset(doc: DocumentAnalysis): number {
  const depth = chapterDepth(doc);
  const back = doc.plan.sections.find((s) => s.depth > 0 && s.depth <= depth && BACK_MATTER.test(s.heading.replace(/^[\d.\s]+/, '')));
  return back ? back.start : doc.plan.text.length;
}

/** Text to insert at an offset so that a block stands apart from what surrounds it. */
export function blockInsertion(text: string, offset: number, block: string, eol: string): string {
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  let lead = '';
  if (before.length > 0 && !before.endsWith('\n')) lead = eol + eol;
  else if (before.length > 0 && !/\n\s*\n$/.test(before) && before !== '\n') lead = eol;
  const trail = after.length > 0 ? eol + eol : eol;
  return lead + block + trail;
}

/**
 * A new plan with every statutory section, for the "new plan" command: of the given type
 * (default: a Joint Forward Plan), with the sections of the catalogue edition that fits the
 * period (or the type's default edition when the period cannot be read).
 */
export function planTemplate(base: IndexedCatalogue, icb: string, period: string, planType = 'joint-forward-plan'): string {
  const type = planTypeById(planType) ?? getPlanning().planTypes[0]!;
  const range = parseYearRange(period);
  const edition = range ? editionForYear(range.firstYear) : editionById(type.defaultEdition)!;
  const catalogue = catalogueForEdition(base, edition.id);
  const statutory = catalogue.items.filter(isStatutory);
  const areas = catalogue.items.filter((i) => isCounted(i) && !isStatutory(i));
  return [
    '---',
    `plan: ${type.id}`,
    // Quoted, so that a name with a colon or a hash stays valid YAML.
    `title: ${JSON.stringify(`${icb} ${type.name}`)}`,
    `icb: ${JSON.stringify(icb)}`,
    `period: ${JSON.stringify(period)}`,
    '---',
    '',
    `# ${icb} ${type.name} ${period}`,
    '',
    `<!-- Checked against the ${edition.id} edition of the jfp-assist catalogue (${edition.title}), the one that fits this period. -->`,
    '',
    '<!-- To do: introduce the plan, who prepared it (the ICB and its partner NHS trusts and foundation trusts) and how it links to the integrated care strategy and the joint local health and wellbeing strategies. -->',
    '',
    '## Our statutory duties and requirements',
    '',
    ...statutory.map((item) => sectionSkeleton(item, 3) + '\n'),
    '## Our priorities and enablers',
    '',
    ...areas.map((item) => sectionSkeleton(item, 3) + '\n'),
  ].join('\n');
}
