import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getDefaultCatalogue, isCounted, isStatutory, IndexedCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { catalogueForEdition, getEditionAdditions, getEditions, itemEditions, loadEditions, validateEditions } from '../../server/src/analysis/data/editions.js';
import { explainItem } from '../../server/src/analysis/explain.js';
import { getPlanning } from '../../server/src/analysis/data/planning.js';
import { validateCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { miniCatalogue, ROOT } from '../helpers.js';
import { InvalidDataError } from '../../server/src/analysis/data/loadData.js';

const NEW_2026 = ['area-three-shifts', 'area-neighbourhood-health', 'area-strategic-commissioning', 'area-triangulation', 'area-success-measures', 'area-delegated-commissioning'];
const readJson = (...parts: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...parts), 'utf8')) as { items: Record<string, { editions: string[] }> };

describe('catalogue editions (schemas/editions.json, schemas/catalogues/jfp-2026.json)', () => {
  it('are valid against their schemas', () => {
    assert.deepEqual(validateEditions(readJson('schemas', 'editions.json')), []);
    assert.deepEqual(validateCatalogue(readJson('schemas', 'catalogues', 'jfp-2026.json')), []);
  });

  it('give every built-in item its editions, source and date; every source is a known one', () => {
    const all = [...getDefaultCatalogue().items, ...getEditionAdditions().items];
    const sources = new Set([...getDefaultCatalogue().data.sources, ...getEditionAdditions().data.sources].map((s) => s.id));
    for (const item of all) {
      const e = itemEditions(item.id);
      assert.ok(e, `${item.id} has edition data`);
      assert.ok(sources.has(e.source), `${item.id}: source ${e.source}`);
    }
    assert.deepEqual(Object.keys(getEditions().items).sort(), all.map((i) => i.id).sort(), 'no edition data for an item that does not exist');
    for (const edition of getPlanning().editions) for (const s of edition.sources) assert.ok(sources.has(s), `edition ${edition.id}: source ${s}`);
  });

  it('rejects unknown editions and changes for an edition in which the item does not apply', () => {
    const data = readJson('schemas', 'editions.json');
    data.items['duty-integration']!.editions = ['2023', '2025'];
    const problems = validateEditions(data).map((p) => `${p.pointer}: ${p.message}`);
    assert.ok(problems.includes('/items/duty-integration/editions/1: unknown edition "2025"'), problems.join('\n'));
    data.items['duty-integration']!.editions = ['2023'];
    data.items['area-procurement']!.editions = ['2023'];
    assert.ok(validateEditions(data).some((p) => p.pointer === '/items/area-procurement/changes/2026'));
    assert.throws(() => loadEditions(data), InvalidDataError);
  });

  it('the 2023 and 2024 editions are the built-in catalogue itself', () => {
    const base = getDefaultCatalogue();
    assert.equal(catalogueForEdition(base, '2023'), base);
    assert.equal(catalogueForEdition(base, '2024'), base);
  });

  it('the 2026 edition keeps every statutory item and adds six counted guidance items, never statutory', () => {
    const base = getDefaultCatalogue();
    const c2026 = catalogueForEdition(base, '2026');
    assert.equal(catalogueForEdition(base, '2026'), c2026, 'derived once');
    assert.deepEqual(base.items.filter(isStatutory).map((i) => i.id), c2026.items.filter(isStatutory).map((i) => i.id));
    const added = c2026.items.filter((i) => !base.has(i.id));
    assert.deepEqual(added.map((i) => i.id), NEW_2026);
    for (const item of added) {
      assert.ok(isCounted(item) && !isStatutory(item), `${item.id} is counted guidance`);
      assert.ok(item.keyElements.length >= 3 && item.signalTerms.some((s) => s.strength === 'specific'), `${item.id} has key elements and specific signal terms`);
    }
    assert.equal(c2026.items.filter(isCounted).length, base.items.filter(isCounted).length + 6);
  });

  it('applies the 2026 changes to the content areas whose advice moved, keeping their base text', () => {
    const base = getDefaultCatalogue();
    const c2026 = catalogueForEdition(base, '2026');
    const procurement = c2026.get('area-procurement')!;
    assert.ok(procurement.signalTerms.some((s) => s.term === 'Procurement Act 2023'));
    assert.ok(procurement.legalBasis.note?.includes(base.get('area-procurement')!.legalBasis.note!));
    assert.match(procurement.legalBasis.note!, /2026 edition: .*Provider Selection Regime/);
    const performance = c2026.get('area-performance')!;
    assert.match(performance.guidanceSource.document, /Medium Term Planning Framework/);
    assert.match(performance.guidanceSource.section, /\(2026 edition\)$/);
    assert.match(performance.legalBasis.note!, /unconfirmed/);
    assert.ok(c2026.get('area-system-development')!.keyElements.some((k) => /strategic commissioner/.test(k.label)));
    // The built-in catalogue itself is not changed.
    assert.ok(!base.get('area-procurement')!.signalTerms.some((s) => s.term === 'Procurement Act 2023'));
  });

  it('an extra catalogue built on the built-in one gets the 2026 items; a replacing one does not, and its items always apply', () => {
    const base = getDefaultCatalogue();
    const extended = new IndexedCatalogue({ ...base.data, items: [...base.items, { ...miniCatalogue().items[0]!, id: 'local-green-plan' }] });
    const c = catalogueForEdition(extended, '2026');
    assert.ok(c.has('local-green-plan') && c.has('area-three-shifts'));
    assert.equal(catalogueForEdition(miniCatalogue(), '2026'), miniCatalogue(), 'a catalogue of its own is used as it is');
  });

  it('shows what the research could not confirm as unconfirmed: secondary sources are never confirmed', () => {
    for (const source of getEditionAdditions().data.sources) {
      if (/trade press|secondary|as reported|summaries|summarised/i.test(`${source.title} ${source.reference ?? ''}`)) assert.equal(source.confidence, 'unconfirmed', source.id);
    }
    for (const id of ['area-strategic-commissioning', 'area-success-measures']) assert.equal(getEditionAdditions().get(id)!.legalBasis.confidence, 'unconfirmed', id);
    assert.equal(getPlanning().editions.find((e) => e.id === '2026')!.confidence, 'unconfirmed');
  });

  it('the guidance for an item says in which editions it applies and where it comes from', () => {
    const text = explainItem(catalogueForEdition(getDefaultCatalogue(), '2026').get('area-three-shifts')!, undefined, 'plaintext');
    assert.match(text, /Catalogue editions: 2026 \(source N13, 2025-07-03\)\./);
    assert.match(explainItem(getDefaultCatalogue().get('duty-integration')!, undefined, 'plaintext'), /Catalogue editions: 2023, 2024, 2026 \(source S1, 2023-01-27\)\./);
  });
});
