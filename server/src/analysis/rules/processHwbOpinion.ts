import type { DocumentAnalysis } from '../model/document.js';
import { sectionAt } from '../model/plan.js';
import { getProcessRules, GroupHits } from '../data/processRules.js';
import { normaliseTerm, type TermHit } from '../text/terms.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

const CODE = 'jfp.process.hwb-opinion' as const;

/**
 * Where phrases occur, by section: a section "has" a phrase when it occurs in the
 * section's own text (heading included) or in the heading of an enclosing section, so
 * that "## Statements of opinion" covers "### Vale County Health and Wellbeing Board".
 */
class SectionPresence {
  private readonly own = new Set<number>();
  private readonly inHeading = new Set<number>();

  constructor(
    private readonly doc: DocumentAnalysis,
    hits: readonly TermHit[],
  ) {
    const { sections } = doc.plan;
    for (const hit of hits) {
      const i = sectionAt(sections, hit.start);
      this.own.add(i);
      const s = sections[i]!;
      if (s.depth > 0 && hit.start < s.headingEnd) this.inHeading.add(i);
    }
  }

  has(section: number): boolean {
    if (this.own.has(section)) return true;
    const { sections } = this.doc.plan;
    for (let a = sections[section]!.parent; a !== undefined; a = sections[a]!.parent) if (this.inHeading.has(a)) return true;
    return false;
  }
}

/** The distinctive part of a configured board name: "Vale County Health and Wellbeing Board" -> "vale county". */
export function boardCoreName(name: string, boardPhrases: readonly string[]): string {
  let core = normaliseTerm(name).replace(/^the /, '');
  for (const phrase of boardPhrases.map(normaliseTerm).sort((a, b) => b.length - a.length)) {
    if (core.endsWith(` ${phrase}`)) {
      core = core.slice(0, -phrase.length - 1).trim();
      break;
    }
  }
  return core;
}

/**
 * The phrases of the configured boards' names, found in one pass per version (see GroupHits),
 * kept between runs so that an edit matches only what it touched; the last two
 * configurations' are kept.
 */
const boardHits = new Map<string, GroupHits>();

function hitsFor(groups: [id: string, phrases: string[]][]): GroupHits {
  const key = JSON.stringify(groups);
  let hits = boardHits.get(key);
  if (!hits) {
    if (boardHits.size >= 2) boardHits.delete(boardHits.keys().next().value!);
    boardHits.set(key, (hits = new GroupHits(groups)));
  }
  return hits;
}

/** jfp.process.hwb-opinion: the published plan lacks a relevant Health and Wellbeing Board's final opinion. */
export const processHwbOpinion: Rule<typeof CODE> = {
  code: CODE,
  defaultSeverity: 'warning',
  description: "The plan does not include each relevant Health and Wellbeing Board's final opinion.",
  run({ documents, isPrimary, mode, options, reportOnPlan }) {
    if (!isPrimary || mode === 'summary') return;
    const rule = getProcessRules().rule(CODE);
    const boardPhrases = rule.phrases('board');
    const boards = [...new Set(options.healthAndWellbeingBoards.map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b !== ''))];
    // Per board: its own name, or its place name ("Kingsbridge") with a phrase that names a Health and Wellbeing Board.
    const byName = hitsFor(boards.flatMap((name): [string, string[]][] => [
      [`named ${name}`, [boardCoreName(name, boardPhrases) || normaliseTerm(name)]],
      [`board ${name}`, [...boardPhrases, name]],
    ]));
    /** True when one section of a document has the board (by name, if given) and an opinion. */
    const statementIn = (d: DocumentAnalysis, name?: string): boolean => {
      const { sections } = d.plan;
      const opinion = new SectionPresence(d, rule.find(d, 'opinion'));
      if (name === undefined) {
        const board = new SectionPresence(d, rule.find(d, 'board'));
        return sections.some((s) => board.has(s.index) && opinion.has(s.index));
      }
      // The board's own name, or its place name ("Kingsbridge") in a section that also speaks of a Health and Wellbeing Board.
      const named = new SectionPresence(d, byName.in(d.plan, `named ${name}`));
      const board = new SectionPresence(d, byName.in(d.plan, `board ${name}`));
      return sections.some((s) => named.has(s.index) && board.has(s.index) && opinion.has(s.index));
    };
    if (boards.length === 0) {
      if (documents.some((d) => statementIn(d))) return;
      reportOnPlan(
        l10n.t('The plan has no statement of a Health and Wellbeing Board\'s final opinion. The published plan must include the final opinion of each relevant Health and Wellbeing Board ({0}): add each board\'s statement, for example in an appendix with a heading for each board. List the boards in "healthAndWellbeingBoards" in .jfp.json and jfp-assist will check each one by name.', rule.legalBasis),
        { boardsConfigured: false },
      );
      return;
    }
    for (const name of boards) {
      if (documents.some((d) => statementIn(d, name))) continue;
      reportOnPlan(
        l10n.t('The plan has no statement of the final opinion of {0}. The published plan must include the final opinion of each relevant Health and Wellbeing Board ({1}): add this board\'s statement, for example in an appendix under a heading with its name.', name, rule.legalBasis),
        { board: name, boardsConfigured: true },
      );
    }
  },
};
