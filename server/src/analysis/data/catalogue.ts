import catalogueSchema from '../../../../schemas/catalogue.schema.json' with { type: 'json' };
import defaultCatalogueJson from '../../../../schemas/catalogues/jfp.json' with { type: 'json' };
import { InvalidDataError, schemaChecker } from './schemaCheck.js';
import { COUNTED_KINDS, STATUTORY_KINDS, type Catalogue, type CatalogueItem } from '../types.js';

export interface CatalogueProblem {
  /** JSON pointer into the catalogue, e.g. "/items/3/signalTerms/0/strength". */
  pointer: string;
  message: string;
}

export class CatalogueError extends InvalidDataError {
  constructor(what: string, problems: CatalogueProblem[]) {
    super('CatalogueError', what, problems);
  }
}

const checkSchema = schemaChecker(catalogueSchema as object);

/** Validates plain data against the catalogue schema and the rules a schema cannot express. */
export function validateCatalogue(data: unknown): CatalogueProblem[] {
  const schemaProblems = checkSchema(data);
  if (schemaProblems.length > 0) return schemaProblems;
  const catalogue = data as Catalogue;
  const problems: CatalogueProblem[] = [];
  const seen = new Map<string, number>();
  catalogue.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ pointer: `/items/${i}/id`, message: `duplicate item id "${item.id}" (first used by item ${first})` });
    } else {
      seen.set(item.id, i);
    }
  });
  return problems;
}

/** Checks and indexes a catalogue. Throws CatalogueError with every problem found. */
export function loadCatalogue(data: unknown, name = 'catalogue'): IndexedCatalogue {
  const problems = validateCatalogue(data);
  if (problems.length > 0) {
    throw new CatalogueError(name, problems);
  }
  return new IndexedCatalogue(data as Catalogue);
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
