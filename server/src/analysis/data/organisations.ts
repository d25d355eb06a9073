/**
 * Bodies that may change (schemas/organisations.json): the Joint Forward Plan statute names
 * NHS England and integrated care partnerships, and guidance names Healthwatch; a Bill
 * before Parliament would abolish them. Also ICB mergers by date, and the choice of a
 * project's dated list of partner trusts and Health and Wellbeing Boards.
 */
import organisationsJson from '../../../../schemas/organisations.json' with { type: 'json' };
import organisationsSchema from '../../../../schemas/organisations.schema.json' with { type: 'json' };
import type { Confidence } from '../types.js';
import { getPlanning } from './planning.js';
import { loadData, type SchemaProblem } from './loadData.js';
import { schemaChecker } from './schemaCheck.js';

export interface ChangingBody {
  id: string;
  name: string;
  role: string;
  pending: string;
  source: string;
  confidence: Confidence;
  items: string[];
  fromEdition: string;
}

export interface IcbMergers {
  effective: string;
  footprints: string[];
  note: string;
  source: string;
  confidence: Confidence;
}

export interface OrganisationsData {
  bodies: ChangingBody[];
  icbMergers: IcbMergers[];
}

const checkSchema = schemaChecker(organisationsSchema as object);

export function validateOrganisations(data: unknown): SchemaProblem[] {
  const problems = checkSchema(data);
  if (problems.length > 0) return problems;
  const editions = getPlanning().editions.map((e) => e.id);
  (data as OrganisationsData).bodies.forEach((b, i) => {
    if (!editions.includes(b.fromEdition)) problems.push({ pointer: `/bodies/${i}/fromEdition`, message: `unknown edition "${b.fromEdition}"` });
  });
  return problems;
}

export function loadOrganisations(data: unknown, what = 'organisations data'): OrganisationsData {
  return loadData<OrganisationsData>(validateOrganisations, data, what);
}

let organisations: OrganisationsData | undefined;

export function getOrganisations(): OrganisationsData {
  organisations ??= loadOrganisations(organisationsJson, 'built-in organisations data (schemas/organisations.json)');
  return organisations;
}

/** Notes on pending changes to the bodies an item names, for plans of an edition (oldest editions first get none). */
export function bodyNotes(itemId: string, edition: string): string[] {
  const { editions } = getPlanning();
  const rank = (id: string) => editions.findIndex((e) => e.id === id);
  return getOrganisations()
    .bodies.filter((b) => b.items.includes(itemId) && rank(edition) >= rank(b.fromEdition))
    .map((b) => `${b.name[0]!.toUpperCase()}${b.name.slice(1)} ${b.role}. ${b.pending}${b.confidence === 'memory' || b.confidence === 'unconfirmed' ? ' (unconfirmed)' : ''} Source: ${b.source}.`);
}

/** A project's partner trusts and Health and Wellbeing Boards from a date (.jfp.json "organisations"). */
export interface DatedOrganisations {
  from: string;
  icb?: string;
  partnerTrusts?: string[];
  healthAndWellbeingBoards?: string[];
}

/** The entry in force on a date (YYYY-MM-DD): the latest whose `from` is not after it. */
export function organisationsOn(entries: readonly DatedOrganisations[], date: string): DatedOrganisations | undefined {
  let best: DatedOrganisations | undefined;
  for (const e of entries) if (e.from <= date && (!best || e.from >= best.from)) best = e;
  return best;
}
