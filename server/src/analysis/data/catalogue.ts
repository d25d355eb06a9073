import catalogueSchema from '../../../../schemas/catalogue.schema.json' with { type: 'json' };
import defaultCatalogueJson from '../../../../schemas/catalogues/jfp.json' with { type: 'json' };
import { dataValidator, duplicates, loadData, type SchemaProblem } from './loadData.js';
import { COUNTED_KINDS, STATUTORY_KINDS, type Catalogue, type CatalogueItem } from '../types.js';

/** Problems with plain data as a catalogue (schema, then unique item ids); empty when it is valid. Pointers are JSON pointers, e.g. "/items/3/signalTerms/0/strength". */
export const validateCatalogue: (data: unknown) => SchemaProblem[] = dataValidator<Catalogue>(catalogueSchema as object, (c) => duplicates(c.items, (item) => [item.id], (i) => `/items/${i}/id`, 'item id', 'item'));

/** Checks and indexes a catalogue. Throws InvalidDataError with every problem found. */
export function loadCatalogue(data: unknown, name = 'catalogue'): IndexedCatalogue {
  return new IndexedCatalogue(loadData<Catalogue>(validateCatalogue, data, name));
}

/** A validated catalogue with lookups. Immutable. */
export class IndexedCatalogue {
  readonly items: readonly CatalogueItem[];
  private readonly byId: Map<string, CatalogueItem>;

  constructor(readonly data: Catalogue) {
    this.items = data.items;
    this.byId = new Map(data.items.map((item) => [item.id, item]));
  }

  get id(): string {
    return this.data.id;
  }

  get edition(): string {
    return this.data.edition;
  }

  get(id: string): CatalogueItem | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get ids(): string[] {
    return this.items.map((item) => item.id);
  }
}

export function isCounted(item: CatalogueItem): boolean {
  return COUNTED_KINDS.includes(item.kind);
}

export function isStatutory(item: CatalogueItem): boolean {
  return STATUTORY_KINDS.includes(item.kind);
}

export const KIND_LABELS: Record<CatalogueItem['kind'], string> = {
  'statutory-duty': 'Statutory duty',
  'statutory-requirement': 'Statutory requirement',
  'content-area': 'Content area',
  'universal-commitment': 'Universal NHS commitment',
  'guidance-framing': 'Guidance framing (not counted)',
  'related-plan': 'Related plan (not counted)',
};

export const CONFIDENCE_LABELS: Record<CatalogueItem['legalBasis']['confidence'], string> = {
  confirmed: 'confirmed against the text',
  excerpt: 'confirmed against an excerpt or summary',
  memory: 'unconfirmed: from memory of the guidance, verify before relying on it',
  unconfirmed: 'unconfirmed',
};

let defaultCatalogue: IndexedCatalogue | undefined;

/** The catalogue shipped with jfp-assist, validated once. */
export function getDefaultCatalogue(): IndexedCatalogue {
  defaultCatalogue ??= loadCatalogue(defaultCatalogueJson, 'built-in catalogue');
  return defaultCatalogue;
}
