import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { AbbreviationMatcher, getGlossary, loadGlossary, pluralise, validateGlossary, validateOutdatedTerms, type GlossaryEntry } from '../../server/src/analysis/data/glossary.js';
import { explainGlossary } from '../../server/src/lsp/features/hover.js';
import { assertSegmentedAsWhole, ROOT } from '../helpers.js';
import { InvalidDataError } from '../../server/src/analysis/data/loadData.js';

const raw = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as { terms: Record<string, unknown>[] };

describe('glossary data', () => {
  it('is valid against its schemas', () => {
    assert.deepEqual(validateGlossary(raw('glossary.json')), []);
    assert.deepEqual(validateOutdatedTerms(raw('outdated-terms.json')), []);
  });

  it('has at least 100 entries, each with a meaning, and one abbreviation per entry', () => {
    const g = getGlossary();
    assert.ok(g.entries.length >= 100, `${g.entries.length} entries`);
    for (const e of g.entries) {
      assert.ok(e.meaning.length > 10, e.term);
      assert.ok(!e.abbreviation?.includes('/'), `${e.abbreviation} is split into separate entries`);
    }
    const abbreviations = new Set(g.entries.map((e) => e.abbreviation));
    for (const a of ['A&E', 'ED', 'CAMHS', 'CYPMHS', 'IDVA', 'ISVA', 'JLHWS', 'JHWS', 'WRES', 'WDES', 'ICB', 'ICS', 'JSNA', 'PCN', 'VCSE']) assert.ok(abbreviations.has(a), a);
    assert.ok(g.entries.some((e) => e.term === 'anchor institution' && !e.abbreviation));
  });

  it('marks the abbreviations every reader knows, and unconfirmed entries', () => {
    const g = getGlossary();
    for (const a of ['NHS', 'GP', 'UK']) assert.equal(g.abbreviation(a)?.entries[0]?.wellKnown, true, a);
    assert.equal(g.abbreviation('ICB')?.entries[0]?.wellKnown, undefined);
    assert.equal(g.abbreviation('AHSN')?.entries[0]?.confidence, 'memory');
    assert.equal(g.abbreviation('HEE')?.entries[0]?.confidence, 'memory');
  });

  it('lists the outdated bodies with their replacements', () => {
    const g = getGlossary();
    const byTerm = new Map(g.outdated.map((o) => [o.term.toLowerCase(), o]));
    const expect: [string, string | undefined, string][] = [
      ['clinical commissioning group', 'integrated care board', '2022-07-01'],
      ['sustainability and transformation partnership', 'integrated care system', '2022-07-01'],
      ['health education england', 'NHS England', '2023-04-01'],
      ['nhs improvement', 'NHS England', '2022-07-01'],
      ['nhs digital', 'NHS England', '2023-02-01'],
      ['nhsx', 'NHS England', '2022-02'],
      ['public health england', undefined, '2021-10-01'],
      ['academic health science network', 'Health Innovation Network', '2023-10'],
      ['quality surveillance group', 'system quality group', '2022'],
    ];
    for (const [term, replacement, since] of expect) {
      const o = byTerm.get(term);
      assert.ok(o, term);
      assert.equal(o.replacement, replacement, term);
      assert.equal(o.since, since, term);
    }
    for (const term of ['nhsx', 'academic health science network', 'quality surveillance group']) assert.equal(byTerm.get(term)!.confidence, 'memory', term);
  });

  it('reports schema problems and duplicates, and refuses to load bad data', () => {
    const entry = (abbreviation: string): GlossaryEntry => ({ abbreviation, term: `term ${abbreviation}`, meaning: 'A meaning.' });
    assert.ok(validateGlossary({ terms: [{ term: 'x' }] }).some((p) => p.pointer === '/terms/0'));
    assert.ok(validateGlossary({ terms: [{ term: 'x', meaning: 'y', colour: 'red' }] }).length > 0);
    assert.deepEqual(
      validateGlossary({ terms: [entry('ABC'), entry('ABC')] }).map((p) => p.pointer),
      ['/terms/1/abbreviation', '/terms/1/term'],
    );
    assert.ok(validateOutdatedTerms({ terms: [{ term: 'x', since: 'July 2022', what: 'w', source: 's', confidence: 'memory' }] }).some((p) => p.pointer === '/terms/0/since'));
    assert.ok(validateOutdatedTerms({ terms: [{ term: 'x', replacementAbbreviation: 'Y', since: '2022', what: 'w', source: 's', confidence: 'memory' }] }).some((p) => /needs a replacement/.test(p.message)));
    assert.throws(() => loadGlossary({ terms: [] }, raw('outdated-terms.json')), InvalidDataError);
  });
});

describe('AbbreviationMatcher', () => {
  const m = new AbbreviationMatcher(['ICB', 'A&E', 's.75', 'NHSE', 'NHSE/I', 'e-RS']);
  const keys = (text: string) => m.match(text).map((h) => `${h.abbreviation}${h.plural ? '+s' : ''}`);

  it('matches case-sensitively, on word boundaries, with plurals', () => {
    assert.deepEqual(keys('ICB, ICBs, icb, Icb, ICBX, XICB, (ICB), ICB-led'), ['ICB', 'ICB+s', 'ICB', 'ICB']);
  });

  it('leaves a possessive outside the hit', () => {
    const [hit] = m.match("The ICB's plan");
    assert.equal("The ICB's plan".slice(hit!.start, hit!.end), 'ICB');
  });

  it('treats punctuation in abbreviations literally and prefers the longest', () => {
    assert.deepEqual(keys('A&E, s.75, sx75, NHSE/I, NHSE, e-RS'), ['A&E', 's.75', 'NHSE/I', 'NHSE', 'e-RS']);
  });

  it('skips excluded ranges', () => {
    assert.deepEqual(m.match('ICB `ICB` ICB', [[4, 9]]).map((h) => h.start), [0, 10]);
  });

  it('finds the same in segments cut at headings, remembered across edits, as in one pass', () => {
    const word = fc.constantFrom('ICB', 'ICBs', "ICB's", 'A&E', 's.75', 'NHSE', 'NHSE/I', 'e-RS', '#', '\n', '\n#', '\n# ', ' ', 'x', '\r\n', '(', 's');
    assertSegmentedAsWhole(() => new AbbreviationMatcher(m.abbreviations), word, 8);
  });

  it('makes phrases plural', () => {
    assert.equal(pluralise('integrated care board'), 'integrated care boards');
    assert.equal(pluralise('local authority'), 'local authorities');
    assert.equal(pluralise('severe mental illness'), 'severe mental illnesses');
    assert.equal(pluralise('mental health services'), 'mental health services');
  });
});

describe('glossary lookup and hover text', () => {
  const g = getGlossary();

  it('finds the abbreviation or term at an offset, preferring the longer', () => {
    const text = 'The ICBs and NHS England, in place.';
    const icb = g.lookupAt(text, 5)!;
    assert.equal(text.slice(icb.start, icb.end), 'ICBs');
    assert.equal(icb.via, 'abbreviation');
    assert.equal(icb.entries[0]!.term, 'integrated care board');
    const nhse = g.lookupAt(text, 14)!;
    assert.equal(text.slice(nhse.start, nhse.end), 'NHS England');
    assert.equal(g.lookupAt(text, 30), undefined, 'generic terms ("place") are not looked up');
    assert.equal(g.lookupAt(text, 5, [[4, 8]]), undefined, 'nothing in excluded ranges');
    assert.equal(g.lookupAt('NHS digital services', 5), undefined, 'a name needs its capitals');
    assert.equal(g.lookupAt('NHS Digital', 5)?.outdated?.term, 'NHS Digital');
  });

  it('explains an entry, saying when it is unconfirmed, in Markdown or plain text', () => {
    const icb = explainGlossary(g.lookupAt('ICB', 0)!, 'markdown');
    assert.match(icb, /^\*\*Integrated care board \(ICB\)\*\*\n\nThe statutory NHS body/);
    assert.doesNotMatch(icb, /unconfirmed/);
    const hee = explainGlossary(g.lookupAt('HEE', 0)!, 'plaintext');
    assert.ok(!hee.includes('**'));
    assert.match(hee, /out of date/);
    assert.match(hee, /merged into NHS England on 1 April 2023/);
    assert.match(hee, /Write "NHS England" instead\./);
    assert.match(hee, /\(unconfirmed\)/);
    const phe = explainGlossary(g.lookupAt('Public Health England', 3)!, 'markdown');
    assert.match(phe, /There is no single replacement/);
  });
});
