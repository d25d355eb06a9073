/**
 * Catalogue editions (schemas/editions.json and the 2026 items in schemas/catalogues/jfp-2026.json):
 * for each item, the editions it applies in, its source and date, and what a later edition
 * changes. catalogueForEdition derives the catalogue a plan is checked against.
 */
import editionsJson from '../../../../schemas/editions.json' with { type: 'json' };
import editionsSchema from '../../../../schemas/editions.schema.json' with { type: 'json' };
import catalogue2026Json from '../../../../schemas/catalogues/jfp-2026.json' with { type: 'json' };
import type { Catalogue, CatalogueItem, Confidence, KeyElement, SignalTerm } from '../types.js';
import { getDefaultCatalogue, IndexedCatalogue, loadCatalogue } from './catalogue.js';
import { bodyNotes } from './organisations.js';
import { getPlanning } from './planning.js';
import { loadData, type SchemaProblem } from './loadData.js';
import { schemaChecker } from './schemaCheck.js';

export interface EditionChange {
  note: string;
  confidence: Confidence;
  guidanceSource?: { document: string; section: string };
  signalTerms?: SignalTerm[];
  keyElements?: KeyElement[];
}

export interface ItemEditions {
  editions: string[];
  source: string;
  date: string;
  changes?: Record<string, EditionChange>;
}

export interface EditionsData {
  items: Record<string, ItemEditions>;
}

const checkSchema = schemaChecker(editionsSchema as object);

/** Checks the per-item edition data: the schema, then that every edition named is a known one. */
export function validateEditions(data: unknown, knownEditions: readonly string[] = getPlanning().editions.map((e) => e.id)): SchemaProblem[] {
  const schemaProblems = checkSchema(data);
  if (schemaProblems.length > 0) return schemaProblems;
  const problems: SchemaProblem[] = [];
  for (const [id, entry] of Object.entries((data as EditionsData).items)) {
    const pointer = `/items/${id}`;
    entry.editions.forEach((e, i) => {
      if (!knownEditions.includes(e)) problems.push({ pointer: `${pointer}/editions/${i}`, message: `unknown edition "${e}"` });
    });
    for (const e of Object.keys(entry.changes ?? {})) {
      if (!entry.editions.includes(e)) problems.push({ pointer: `${pointer}/changes/${e}`, message: `a change for edition "${e}", in which the item does not apply` });
    }
  }
  return problems;
}

/** Checks the per-item edition data. Throws InvalidDataError with every problem found. */
export function loadEditions(data: unknown, what = 'catalogue editions data'): EditionsData {
  return loadData<EditionsData>((d) => validateEditions(d), data, what);
}

let editions: EditionsData | undefined;
let additions: IndexedCatalogue | undefined;

/** The built-in per-item edition data, checked once. */
export function getEditions(): EditionsData {
  editions ??= loadEditions(editionsJson, 'built-in catalogue editions (schemas/editions.json)');
  return editions;
}

/** The items added by later editions (schemas/catalogues/jfp-2026.json), checked once against the catalogue schema. */
export function getEditionAdditions(): IndexedCatalogue {
  additions ??= loadCatalogue(catalogue2026Json, 'built-in 2026 catalogue (schemas/catalogues/jfp-2026.json)');
  return additions;
}

/** In which editions an item applies, where it comes from, and what changes (undefined: an item of an extra catalogue, which applies in every edition). */
export function itemEditions(id: string): ItemEditions | undefined {
  return getEditions().items[id];
}

const derived = new WeakMap<IndexedCatalogue, Map<string, IndexedCatalogue>>();

function applyChange(item: CatalogueItem, change: EditionChange | undefined, edition: string): CatalogueItem {
  const bodies = bodyNotes(item.id, edition);
  if (!change && bodies.length === 0) return item;
  const known = new Set(item.signalTerms.map((s) => s.term.toLowerCase()));
  const note = [item.legalBasis.note, change?.note, ...bodies].filter((n) => n !== undefined && n !== '').join(' ');
  if (!change) return { ...item, legalBasis: { ...item.legalBasis, note } };
  return {
    ...item,
    legalBasis: { ...item.legalBasis, note },
    signalTerms: [...item.signalTerms, ...(change.signalTerms ?? []).filter((s) => !known.has(s.term.toLowerCase()))],
    keyElements: [...item.keyElements, ...(change.keyElements ?? [])],
    guidanceSource: change.guidanceSource ? { document: change.guidanceSource.document, section: `${change.guidanceSource.section} (${edition} edition)` } : item.guidanceSource,
  };
}

/**
 * The catalogue a plan of an edition is checked against: the items of `base` that apply in
 * that edition (with the edition's changes), plus, when `base` is the built-in catalogue (or
 * built on it), the edition's added items. Items without edition data (from extra
 * catalogues) always apply. Returns `base` itself when nothing differs, so a plan of the
 * 2023 edition is analysed exactly as before editions existed.
 */
export function catalogueForEdition(base: IndexedCatalogue, edition: string): IndexedCatalogue {
  let byEdition = derived.get(base);
  if (!byEdition) derived.set(base, (byEdition = new Map()));
  const cached = byEdition.get(edition);
  if (cached) return cached;
  const data = getEditions().items;
  const applies = (id: string) => data[id]?.editions.includes(edition) ?? true;
  const builtIn = base.id === getDefaultCatalogue().id;
  const extra = builtIn ? getEditionAdditions().items.filter((i) => !base.has(i.id) && applies(i.id)) : [];
  const kept = base.items.filter((i) => applies(i.id));
  const changed = kept.some((i) => data[i.id]?.changes?.[edition] !== undefined || bodyNotes(i.id, edition).length > 0);
  let result = base;
  if (extra.length > 0 || kept.length !== base.items.length || changed) {
    const items = [...kept.map((i) => applyChange(i, data[i.id]?.changes?.[edition], edition)), ...extra];
    const sources = [...base.data.sources, ...(builtIn ? getEditionAdditions().data.sources.filter((s) => !base.data.sources.some((b) => b.id === s.id)) : [])];
    const catalogue: Catalogue = { ...base.data, sources, items };
    result = new IndexedCatalogue(catalogue);
  }
  byEdition.set(edition, result);
  return result;
}
