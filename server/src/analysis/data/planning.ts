/**
 * Plan types, catalogue editions and planning rounds (schemas/planning.json): which documents
 * are plans and of which type, which edition of the catalogue fits a plan's period, and the
 * dates of each planning year. Pure data and look-ups.
 */
import planningJson from '../../../../schemas/planning.json' with { type: 'json' };
import planningSchema from '../../../../schemas/planning.schema.json' with { type: 'json' };
import { normaliseTerm } from '../text/terms.js';
import type { Confidence } from '../types.js';
import { loadData, type SchemaProblem } from './loadData.js';
import { schemaChecker } from './schemaCheck.js';

export interface PlanType {
  id: string;
  name: string;
  names: string[];
  defaultEdition: string;
  note: string;
  confidence: Confidence;
}

export interface Edition {
  id: string;
  title: string;
  date: string;
  firstYear: number;
  sources: string[];
  confidence: Confidence;
  summary: string;
  changes: string[];
}

export interface Milestone {
  what: string;
  when: string;
  source: string;
  confidence: Confidence;
}

export interface PlanningRound {
  year: number;
  milestones: Milestone[];
}

export interface PlanningData {
  planTypes: PlanType[];
  /** Oldest first. */
  editions: Edition[];
  rounds: PlanningRound[];
}

const checkSchema = schemaChecker(planningSchema as object);

/** Checks plan types, editions and rounds: the schema, then unique ids, known default editions and editions in date order. */
export function validatePlanning(data: unknown): SchemaProblem[] {
  const schemaProblems = checkSchema(data);
  if (schemaProblems.length > 0) return schemaProblems;
  const planning = data as PlanningData;
  const problems: SchemaProblem[] = [];
  const editionIds = new Set<string>();
  planning.editions.forEach((e, i) => {
    if (editionIds.has(e.id)) problems.push({ pointer: `/editions/${i}/id`, message: `duplicate edition "${e.id}"` });
    editionIds.add(e.id);
    const previous = planning.editions[i - 1];
    if (previous && previous.firstYear >= e.firstYear) problems.push({ pointer: `/editions/${i}/firstYear`, message: 'editions must be listed oldest first, each fitting a later first year than the one before' });
  });
  const typeIds = new Set<string>();
  planning.planTypes.forEach((t, i) => {
    if (typeIds.has(t.id)) problems.push({ pointer: `/planTypes/${i}/id`, message: `duplicate plan type "${t.id}"` });
    typeIds.add(t.id);
    if (!editionIds.has(t.defaultEdition)) problems.push({ pointer: `/planTypes/${i}/defaultEdition`, message: `unknown edition "${t.defaultEdition}"` });
  });
  return problems;
}

/** Checks plan types, editions and rounds. Throws InvalidDataError with every problem found. */
export function loadPlanning(data: unknown, what = 'plan types and editions data'): PlanningData {
  return loadData<PlanningData>(validatePlanning, data, what);
}

let planning: PlanningData | undefined;

/** The plan types, editions and rounds shipped with jfp-assist, checked once. */
export function getPlanning(): PlanningData {
  planning ??= loadPlanning(planningJson, 'built-in plan types and editions (schemas/planning.json)');
  return planning;
}

export function planTypeById(id: string): PlanType | undefined {
  const wanted = id.trim().toLowerCase();
  return getPlanning().planTypes.find((t) => t.id === wanted);
}

export function editionById(id: string): Edition | undefined {
  return getPlanning().editions.find((e) => e.id === id.trim());
}

/** The newest edition: the one new plans are checked against. */
export function newestEdition(): Edition {
  const { editions } = getPlanning();
  return editions[editions.length - 1]!;
}

/** The newest edition that fits a plan whose first financial year starts in `firstYear` (2026 for 2026/27); the oldest for earlier plans. */
export function editionForYear(firstYear: number): Edition {
  const { editions } = getPlanning();
  let best = editions[0]!;
  for (const e of editions) if (e.firstYear <= firstYear) best = e;
  return best;
}

/** Dates of the planning round that prepares for a financial year, if known. */
export function roundFor(year: number): PlanningRound | undefined {
  return getPlanning().rounds.find((r) => r.year === year);
}

/** Words as compared for plan type names: lower case, any run of other characters (spaces, dashes, underscores, punctuation) as one space. */
function words(text: string): string {
  return ' ' + normaliseTerm(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim() + ' ';
}

/**
 * The plan type a title or file name names, if any: the type whose name occurs first
 * ("NHS Wessex Five-Year Strategic Commissioning Plan", "scp/strategic-commissioning-plan.md").
 */
export function planTypeNamedIn(text: string): PlanType | undefined {
  const haystack = words(text);
  let best: { type: PlanType; at: number } | undefined;
  for (const type of getPlanning().planTypes) {
    for (const name of type.names) {
      const at = haystack.indexOf(words(name));
      if (at >= 0 && (!best || at < best.at)) best = { type, at };
    }
  }
  return best?.type;
}
