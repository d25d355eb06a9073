import * as assert from 'node:assert/strict';
import { applyEdit } from '../helpers.js';
import fc from 'fast-check';
import { chunkStarts, IncrementalParser, parseChunked, setChunkedMin } from '../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../server/src/analysis/model/markdown.js';
import { boundMarkdown } from '../../server/src/analysis/model/bound.js';
import { ownPoints, shiftNode } from '../../server/src/analysis/model/positions.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyseDocument, analysePlan, editionIndex, type AnalysisOptions } from '../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { parsePlan, sectionNode } from '../../server/src/analysis/model/plan.js';
import { sectionTerms } from '../../server/src/analysis/model/document.js';
import { clearReadabilityCaches } from '../../server/src/analysis/text/readability.js';
import { TermMatcher } from '../../server/src/analysis/text/terms.js';
import { StemMatcher } from '../../server/src/analysis/text/stems.js';
import { clearSectionEvidence } from '../../server/src/analysis/sectionEvidence.js';
import { clearSectionFacts } from '../../server/src/analysis/evidence.js';

/** Pieces that stress chunk boundaries: headings, fences, HTML blocks, front matter, tables, lists. */
const PIECES = [
  '# Title\n', '## Section\n', '### Sub\n', '#### Deep\n', '####### not a heading\n', '#no space\n', '  # indented heading\n',
  'Some prose about primary care.\n', '\n', '\n\n', '- item\n', '  - nested\n', '1. first\n', '> quote\n', '>\n',
  '```\n', '```text\n', '~~~\n', '    code\n', '<!-- jfp: maps-to duty-x -->\n', '<!--\n', '-->\n', '<div>\n', '</div>\n',
  '<pre>\n', '</pre>\n', '| a | b |\n', '| --- | --- |\n', '| 1 | 2 |\n', '---\n', 'title: x\n', 'Text\n===\n', '[link](http://x)\n',
  '[ref]\n', '[ref]: http://example.org\n', '[^1]\n', '\t# tab\n', '#\n', '## Closed ##\n', 'a\\\n', '<script>\n', '</script>\n', '\r\n',
  // Signal terms, acronyms, tags and long sentences, so that the analysis has something to find.
  'We will reduce health inequalities with the VCSE, our ICB partners and the HWB. ',
  'The integrated care board will publish its annual report and consult the health and wellbeing board.\n',
  '<!-- jfp: duty-not-known -->\n', '<!-- jfp-waive duty-climate: later -->\n', 'This is a long sentence that goes on and on '.repeat(6) + 'for ever.\n',
  'The JSNA and the PCN said so. Utilisation of multidisciplinary interoperability considerations. ',
  // References and definitions, resolved across the whole document: links, images, footnotes,
  // labels that differ only in case or spacing, duplicate definitions, definitions in containers.
  '[Ref]: http://example.org/other "Title"\n', '[ref][]\n', '[text][REF]\n', '![img][ref]\n', '[two  words]\n', '[Two Words]: /t\n',
  '[^1]: A footnote.\n', '[^note]: Another, [ref] inside.\n', '    continued footnote\n', 'See[^note] and [^2].\n', '[^2]:\n',
  '> [^1]: quoted\n', '- [x]: /list\n', '[x]\n', '[^1]: duplicate\n', '[ref]:\n',
];

const piece = fc.constantFrom(...PIECES);
const doc = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
/** An edit: a removal and an insertion at one place, or (as a cut and paste does) a span moved elsewhere. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
  char: fc.constantFrom('', '#', ' ', '\n', '`', '<', 'x', '-', ']', ':'),
  move: fc.option(fc.record({ to: fc.nat(), length: fc.nat({ max: 60 }) }), { nil: undefined, freq: 4 }),
});

describe('incremental', function () {
  // Property tests: bounded by case counts, so only the machine's speed varies; allow a slow, shared one.
  this.timeout(180_000);
  it('cuts a plan at top-level headings only', () => {
    const text = '---\ntitle: x\n# not\n---\n# One\ntext\n```\n# code\n```\n## Two\n<!--\n# comment\n-->\n### Three\n';
    const starts = chunkStarts(text);
    assert.deepEqual(
      starts.map((s) => text.slice(s, text.indexOf('\n', s))),
      ['---', '# One', '## Two', '### Three'],
    );
  });

  it('resolves references against definitions in other chunks, and again when they change', () => {
    const parser = new IncrementalParser();
    const text = '# A\n[x] and[^1]\n# B\nx\n# C\n[x]: http://e.org\n[^1]: Note.\n';
    assert.deepEqual(chunkStarts(text).length, 3);
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    assert.equal(parser.lastParsed, 3);
    // Removing the definitions re-parses their chunk and the one that refers to them, not B.
    const edited = text.replace('[x]: http://e.org\n[^1]: Note.\n', 'none\n');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.equal(parser.lastParsed, 2);
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    assert.equal(parser.lastParsed, 2);
  });

  it('re-parses only the chunk an edit touches', () => {
    const parser = new IncrementalParser();
    const text = '# A\n\nOne.\n\n## B\n\nTwo.\n\n## C\n\nThree.\n';
    parser.parse(text);
    assert.equal(parser.lastParsed, 3);
    const edited = text.replace('Two.', 'Two!');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.equal(parser.lastParsed, 1);
  });

  it('moves positions in place, each point once even when nodes shared one', () => {
    const root = parseMarkdown('# A\n\nSome *prose*.\n');
    const paragraph = root.children[1]!;
    // Nodes that share position and point objects (as another parser version might make them).
    const shared = paragraph.position!;
    root.children[0]!.position!.end = shared.start;
    if ('children' in paragraph) paragraph.children[0]!.position = shared;
    const before = structuredClone(root);
    ownPoints(root);
    assert.deepEqual(root, before);
    const points = new Set<object>();
    let count = 0;
    const walk = (n: Parameters<typeof shiftNode>[0]) => {
      if (n.position) for (const p of [n.position.start, n.position.end]) {
        points.add(p);
        count++;
      }
      if ('children' in n) for (const c of n.children) walk(c);
    };
    walk(root);
    assert.equal(points.size, count);
    const heading = root.children[0]!;
    const start = heading.position!.start;
    for (const node of root.children) shiftNode(node, 10, 2);
    assert.equal(heading.position!.start, start, 'no new objects');
    // Each moved once: the heading's end was the paragraph's start point.
    assert.deepEqual(heading.position, { start: { line: 3, column: 1, offset: 10 }, end: { line: 5, column: 1, offset: 15 } });
    assert.deepEqual(paragraph.position, { start: { line: 5, column: 1, offset: 15 }, end: { line: 5, column: 14, offset: 28 } });
  });

  it('gives the same findings and coverage as a full analysis after every edit of a random sequence', () => {
    const catalogue = getDefaultCatalogue();
    const index = indexCatalogue(catalogue);
    const uri = 'file:///plan.md';
    const result = (given: ReturnType<typeof analyseDocument>, options: AnalysisOptions) => {
      const plan = analysePlan([given], catalogue, options);
      const doc = plan.documents[0]!;
      return { identity: plan.identity, findings: plan.findings.get(uri), presented: plan.presented.get(uri), coverage: plan.coverage, summary: plan.summary, sectionTerms: sectionTerms(doc), mappings: doc.mappings };
    };
    // Sections mapped to items by their heading or a jfp comment, with subsections and prose that is evidence.
    const mapped = fc.constantFrom(
      '## Reducing health inequalities\n', '### Our workforce\n', '#### Climate change and net zero\n', '<!-- jfp: duty-climate-change -->\n',
      'We will cut carbon emissions and reach net zero, grow our workforce and reduce health inequalities in access and outcomes.\n',
    );
    // What the rules read across sections: abbreviations spelled out in one section and used in
    // another (or the definition removed), outdated names, process statements, links and images,
    // and sections long enough to have a SMOG grade.
    const ruled = fc.constantFrom(
      'The Better Care Fund (BCF) pays for it. ', 'The BCF and the ADHD service met. ', 'attention deficit hyperactivity disorder\n', 'Our CCG and the clinical commissioning group. ',
      '## What we heard\n', 'Here is how we took account of the views expressed.\n', '### Kingsbridge Health and Wellbeing Board\n', 'Its final opinion is below.\n',
      'This refreshed plan has a summary of changes. ', 'The revision is significant.\n', 'See the integrated care strategy and the JSNA.\n',
      '[click here](http://x) ', '![](chart.png) ', '<img src="a.png">\n', 'Considerable organisational complexity necessitates collaboration. '.repeat(11) + '\n',
    );
    const plan = fc.array(fc.oneof({ arbitrary: piece, weight: 3 }, { arbitrary: mapped, weight: 1 }, { arbitrary: ruled, weight: 2 }), { maxLength: 40 }).map((p) => p.join(''));
    // The rules' options changed between analyses, the caches kept: readability limits, boards to look for.
    const ruleOptions = [
      { now: new Date('2026-11-23T12:00:00Z') },
      { now: new Date('2026-11-23T12:00:00Z'), readability: { maxSentenceWords: 8, smogThreshold: 6 }, healthAndWellbeingBoards: ['Kingsbridge Health and Wellbeing Board'] },
      { now: new Date('2026-11-23T12:00:00Z'), readability: { maxSentenceWords: 30, smogThreshold: 12 } },
    ];
    // Plans of other editions too, their front matter changed by the edits at times.
    const frontMatter = fc.constantFrom('', '', '---\nedition: 2026\n---\n', '---\nperiod: 2024/25 to 2028/29\n---\n# Plan\n');
    const segmentMin = TermMatcher.segmentMin;
    const stemMin = StemMatcher.segmentMin;
    try {
      fc.assert(
        fc.property(frontMatter, plan, fc.array(fc.tuple(edit, fc.nat({ max: ruleOptions.length - 1 })), { minLength: 1, maxLength: 8 }), (head, start, edits) => {
          const parser = new IncrementalParser();
          let text = head + start;
          for (const [e, o] of [[undefined, 0] as const, ...edits]) {
            if (e) text = applyEdit(text, e);
            const options = { ruleOptions: ruleOptions[o] };
            // As the server analyses an open document: its parser kept, every cache warm.
            TermMatcher.segmentMin = 0;
            StemMatcher.segmentMin = 0;
            // Its terms found once, against the index of its own edition.
            const incremental = result(analyseDocument(uri, text, editionIndex(catalogue), (t) => parser.parse(t)), options);
            // From scratch: a whole-text parse, one pass for terms, nothing remembered, against
            // the base catalogue (analysePlan finds them again for another edition).
            TermMatcher.segmentMin = Infinity;
            StemMatcher.segmentMin = Infinity;
            clearReadabilityCaches();
            clearSectionEvidence(index);
            clearSectionFacts();
            const full = result(analyseDocument(uri, text, index, parseMarkdown), options);
            assert.deepEqual(incremental, full, JSON.stringify(text));
          }
        }),
        { seed: 20261123, numRuns: 150 },
      );
    } finally {
      TermMatcher.segmentMin = segmentMin;
      StemMatcher.segmentMin = stemMin;
    }
  });

  it('parses a text in chunks the first time as a full parse does', () => {
    const min = setChunkedMin(0);
    try {
      fc.assert(
        fc.property(doc, (text) => {
          assert.deepEqual(parseChunked(text), parseMarkdown(text), JSON.stringify(text));
          const chunked = parsePlan(text);
          assert.deepEqual({ ...chunked, lines: undefined }, { ...parsePlan(text, parseMarkdown), lines: undefined });
        }),
        { seed: 20261204, numRuns: 300 },
      );
    } finally {
      setChunkedMin(min);
    }
  });

  it('parses as remark does without the definition hooks', () => {
    const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
    fc.assert(
      fc.property(doc, (text) => {
        assert.deepEqual(parseMarkdown(text), plain.parse(boundMarkdown(text).text), JSON.stringify(text));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('equals a full parse after every edit of a random sequence', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const parser = new IncrementalParser();
        const keyed = new Map<object, string>();
        let text = start;
        assert.deepEqual(parser.parse(text), parseMarkdown(text));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
          const incremental = parsePlan(text, (t) => parser.parse(t));
          const full = parsePlan(text, parseMarkdown);
          assert.deepEqual({ ...incremental, lines: undefined }, { ...full, lines: undefined });
          // A section keyed by the same node as in an earlier version has the same text.
          for (const section of incremental.sections) {
            const key = sectionNode(section);
            const own = text.slice(section.start, section.end);
            if (key && keyed.has(key)) assert.equal(own, keyed.get(key), JSON.stringify(text));
            if (key) keyed.set(key, own);
          }
        }
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
