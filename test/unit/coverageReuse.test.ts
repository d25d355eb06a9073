import * as assert from 'node:assert/strict';
import { applyEdit } from '../helpers.js';
import fc from 'fast-check';
import { computeCoverage, insideOneOf, SCORING, withoutNested, type Scoring } from '../../server/src/analysis/coverage.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { clearSectionFacts } from '../../server/src/analysis/evidence.js';
import type { Part } from '../../server/src/analysis/itemParts.js';
import { analyseDocument, type DocumentAnalysis } from '../../server/src/analysis/model/document.js';
import { IncrementalParser } from '../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../server/src/analysis/model/markdown.js';
import { clearSectionEvidence } from '../../server/src/analysis/sectionEvidence.js';

/** Headings of every kind (setext ones too: a quote may reach across them), mappings, placeholders and prose with the terms of a few items. */
const PIECES = [
  '# Plan\n', '## Workforce\n', '### Our workforce\n', '#### Staff\n', '## Reducing health inequalities\n', '### Access\n', 'Climate\n=======\n', 'Notes\n---\n',
  '<!-- jfp: duty-climate-change -->\n', '<!-- jfp: duty-reduce-inequalities -->\n', '<!-- jfp-waive duty-climate-change: later -->\n', '- TBC\n', 'TODO\n', '\n',
  'We will cut carbon emissions and reach net zero by 2040 with our Green Plan. ', 'Our workforce plan will grow staff numbers, retain nurses and train more GPs.\n',
  'We will reduce health inequalities in access, experience and outcomes with Core20PLUS5.\n', '- Reach **net zero** by 2040\n', 'Housing and integration with social care.\n',
  'The integrated care board will publish its annual report.\n', 'Services will be integrated and joined up. ', 'A long sentence about nothing in particular '.repeat(5) + 'ends here.\n',
  // A second level-1 heading, a mapped title (its mapping reaches over the whole plan) and a content area mapped, waived and discussed.
  '# Appendix\n', '# Plan\n<!-- jfp: area-estates -->\n', '<!-- jfp: area-workforce -->\n', '<!-- jfp-waive area-workforce: in the people plan -->\n',
  'Our estates strategy will improve our buildings, estate and capital investment. We will dispose of empty buildings.\n',
];
const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const edit = fc.record({
  doc: fc.nat({ max: 1 }),
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.array(piece, { maxLength: 2 }).map((p) => p.join('')),
  char: fc.constantFrom('', 'x', '\n', '#', '.'),
  /** Cut this many characters and put them back elsewhere (a section moved). */
  move: fc.option(fc.record({ length: fc.nat({ max: 400 }), to: fc.nat() }), { freq: 3 }),
});

/** A second scoring, the same object each time, so that verdicts remembered for one scoring are asked for under another. */
const LOOSE: Readonly<Scoring> = { ...SCORING, strongMinScore: 3, strongMinSentences: 2, strongMinWords: 10, mappedMinWords: 20 };

/** Parts from a couple of documents, as far as withoutNested and insideOneOf read them. */
function fakeParts(ranges: readonly { doc: number; start: number; length: number; strong: boolean }[], docs: readonly DocumentAnalysis[]): Part[] {
  return ranges.map((r) => ({ doc: docs[r.doc]!, root: { start: r.start }, end: r.start + r.length, verdict: r.strong ? 'addressed' : 'partial' }) as unknown as Part);
}

describe('coverage: reuse after edits', function () {
  this.timeout(180_000);
  const docs = [{ uri: 'a' }, { uri: 'b' }] as unknown as DocumentAnalysis[];
  const order = new Map(docs.map((d, i) => [d, i]));
  const contains = (outer: Part, inner: Part) => outer !== inner && outer.doc === inner.doc && outer.root.start <= inner.root.start && inner.end <= outer.end;

  it('keeps the parts no other contains (the first of equal ones), and finds the parts inside them, as the pairwise definitions do', () => {
    const range = fc.record({ doc: fc.nat({ max: 1 }), start: fc.nat({ max: 20 }), length: fc.nat({ max: 10 }), strong: fc.boolean() });
    fc.assert(
      fc.property(fc.array(range, { maxLength: 25 }), (ranges) => {
        const parts = fakeParts(ranges, docs);
        const strong = parts.filter((p) => p.verdict === 'addressed');
        const kept = strong.filter((p) => !strong.some((q) => contains(q, p) && !(q.root.start === p.root.start && q.end === p.end && strong.indexOf(q) > strong.indexOf(p))));
        assert.deepEqual(withoutNested(strong, order), kept);
        const inside = insideOneOf(kept, order);
        for (const p of parts) if (p.verdict === 'partial') assert.equal(inside(p), kept.some((s) => contains(s, p)));
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('judges a chapter and a mapped section again when prose without terms of the item changes their totals', () => {
    const index = indexCatalogue(getDefaultCatalogue());
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} says nothing at all here.`).join(' ');
    // The climate item's sections are the same in both versions; only the chapter's word and sentence totals change.
    const chapter = (n: number) =>
      `# Plan\n\n## Our environment\n\n### Travel\n\nWe will cut carbon emissions from travel. Our fleet moves to electric vans by 2030.\n\n### Buildings\n\nOur Green Plan sets out how we reach net zero. We will cut emissions from heating. Solar panels go on every roof. Waste goes down each year.\n\n### Other\n\n${filler(n)}\n`;
    const mapped = (n: number) => `# Plan\n\n## Our environment\n\n<!-- jfp: duty-climate-change -->\n\nWe will reach net zero.\n\n### Other\n\n${filler(n)}\n`;
    for (const [make, before, after] of [
      [chapter, 'addressed', 'partial'],
      [mapped, 'partial', 'addressed'],
    ] as const) {
      const parser = new IncrementalParser();
      const climate = (doc: DocumentAnalysis) => computeCoverage([doc], index, { mode: 'full' }).find((c) => c.id === 'duty-climate-change')!;
      for (const [n, status] of [
        [1, before],
        [60, after],
        [1, before],
      ] as const) {
        const incremental = climate(analyseDocument('file:///p.md', make(n), index, (t) => parser.parse(t)));
        assert.equal(incremental.status, status);
        clearSectionEvidence(index);
        assert.deepEqual(incremental, climate(analyseDocument('file:///p.md', make(n), index, parseMarkdown)));
      }
    }
  });

  it('scores a plan of two documents edited in turn as from scratch, in either mode and under another scoring', () => {
    const catalogue = getDefaultCatalogue();
    // What the edits reuse builds up in one index; each computation from scratch uses another, cleared first.
    const index = indexCatalogue(catalogue);
    const scratchIndex = indexCatalogue(catalogue);
    const uris = ['file:///a.md', 'file:///b.md'];
    fc.assert(
      fc.property(text, text, fc.array(edit, { minLength: 1, maxLength: 10 }), (first, second, edits) => {
        const texts = [first, second];
        const parsers = [new IncrementalParser(), new IncrementalParser()];
        // As the server keeps them: a document the edit did not touch keeps its analysis.
        const kept = texts.map((t, i) => analyseDocument(uris[i]!, t, index, (x) => parsers[i]!.parse(x)));
        edits.forEach((e, step) => {
          texts[e.doc] = applyEdit(texts[e.doc]!, e);
          kept[e.doc] = analyseDocument(uris[e.doc]!, texts[e.doc]!, index, (x) => parsers[e.doc]!.parse(x));
          const options = { mode: step % 3 === 2 ? ('summary' as const) : ('full' as const), ...(step % 4 === 3 ? { scoring: LOOSE } : {}) };
          const incremental = [computeCoverage(kept, index, options), computeCoverage([kept[1]!, kept[0]!], index, options), computeCoverage([kept[e.doc]!], index, options)];
          clearSectionEvidence(scratchIndex);
          clearSectionFacts();
          const fresh = texts.map((x, i) => analyseDocument(uris[i]!, x, scratchIndex, parseMarkdown));
          const scratch = [computeCoverage(fresh, scratchIndex, options), computeCoverage([fresh[1]!, fresh[0]!], scratchIndex, options), computeCoverage([fresh[e.doc]!], scratchIndex, options)];
          assert.deepEqual(incremental, scratch, JSON.stringify(texts));
        });
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
