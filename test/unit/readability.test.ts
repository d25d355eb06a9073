import * as assert from 'node:assert/strict';
import type { Paragraph } from 'mdast';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { parseMarkdown } from '../../server/src/analysis/model/markdown.js';
import { proseOf } from '../../server/src/analysis/text/prose.js';
import { documentReadability, MIN_SMOG_SENTENCES, readingShare, smogGrade, textReadability } from '../../server/src/analysis/text/readability.js';
import { splitSentences, wordsOf } from '../../server/src/analysis/text/sentences.js';
import { countSyllables, isPolysyllable } from '../../server/src/analysis/text/syllables.js';
import { md, miniCatalogue } from '../helpers.js';

const doc = (text: string) => analyseDocument('file:///plan.md', text, indexCatalogue(miniCatalogue()));
const sentencesOf = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('readability', () => {
  describe('countSyllables', () => {
    const expected: Record<string, number> = {
      the: 1,
      care: 1,
      health: 1,
      makes: 1,
      worked: 1,
      called: 1,
      people: 2,
      table: 2,
      tables: 2,
      service: 2,
      changes: 2,
      wanted: 2,
      agreed: 2,
      every: 2,
      social: 2,
      mental: 2,
      patients: 2,
      programme: 2,
      services: 3,
      hospital: 3,
      completely: 3,
      management: 3,
      settlement: 3,
      enabled: 3,
      various: 3,
      actual: 3,
      media: 3,
      medium: 3,
      autism: 3,
      easier: 3,
      families: 3,
      area: 3,
      decision: 3,
      strategy: 3,
      improvement: 3,
      integrated: 4,
      community: 4,
      population: 4,
      emergency: 4,
      priorities: 4,
      experience: 4,
      evaluate: 4,
      organisation: 5,
      inequalities: 5,
    };
    for (const [word, n] of Object.entries(expected)) {
      it(`${word}: ${n}`, () => assert.equal(countSyllables(word), n));
    }

    it('counts capitalised words, plurals and possessives like the plain word', () => {
      assert.equal(countSyllables('Community'), 4);
      assert.equal(countSyllables("people's"), 2);
      assert.equal(countSyllables('(hospital),'), 3);
    });

    it('counts acronyms as one syllable, numbers as none, and hyphenated words by their parts', () => {
      assert.equal(countSyllables('NHS'), 1);
      assert.equal(countSyllables('PCNs'), 1);
      assert.equal(countSyllables('2026/27'), 0);
      assert.equal(countSyllables('self-management'), 4);
      assert.equal(countSyllables('long-term'), 2);
      assert.equal(countSyllables('https://www.example.org/integrated-care'), 1);
    });

    it('treats three or more syllables as a polysyllable', () => {
      assert.equal(isPolysyllable('hospital'), true);
      assert.equal(isPolysyllable('people'), false);
      assert.equal(isPolysyllable('NHS'), false);
    });
  });

  describe('splitSentences', () => {
    it('splits at ".", "?", "!" and "…" followed by a space and a capital, digit or quote', () => {
      assert.deepEqual(sentencesOf('One. Two? Three! Four… "Five." 6 is six.'), ['One.', 'Two?', 'Three!', 'Four…', '"Five."', '6 is six.']);
    });

    it('keeps closing brackets and quotes with the sentence they end', () => {
      assert.deepEqual(sentencesOf('It said "yes." Then (it ended.) Next.'), ['It said "yes."', 'Then (it ended.)', 'Next.']);
    });

    it('does not split at abbreviations, initials, section numbers, decimals or web addresses', () => {
      const text = 'We mean e.g. NHS England, i.e. Vale, etc. Also Dr. Okafor, No. 4, s. 75 and s.14Z52, 0.2%, J. Smith, the U.K. Government (e.g. Kingsbridge) and nhs.uk. Then the end.';
      assert.deepEqual(sentencesOf(text), [text.slice(0, -14), 'Then the end.']);
    });

    it('does not split before a lower-case word, or where no space follows', () => {
      assert.deepEqual(sentencesOf('Pay approx. ten pounds. Done.'), ['Pay approx. ten pounds.', 'Done.']);
      assert.deepEqual(sentencesOf('Version 4.0.Final text'), ['Version 4.0.Final text']);
    });

    it('drops pieces with no words and trims spaces', () => {
      assert.deepEqual(sentencesOf('  ... One.   — Two.  '), ['One.', '— Two.']);
      assert.deepEqual(splitSentences(''), []);
    });
  });

  it('wordsOf counts tokens with a letter or digit', () => {
    assert.deepEqual(wordsOf('A&E – 82% of people, by 2026/27 .'), ['A&E', '82%', 'of', 'people,', 'by', '2026/27']);
  });

  describe('SMOG', () => {
    // Ten sentences with 13 words of three or more syllables (counted by hand, from a
    // dictionary): SMOG = 1.043 × √(13 × 30 / 10) + 3.1291 = 9.64.
    const PASSAGE = [
      'The integrated care board will improve community services across the region.',
      'We will work with local councils to reduce health inequalities.',
      'Every hospital will offer appointments in the evening.',
      'People told us that waiting times are too long.',
      'Our priority is to prevent illness before it starts.',
      'Families want clear information about mental health support.',
      'We will publish our progress every year.',
      'Patients should be able to choose where they are treated.',
      'The partnership will evaluate every new pathway.',
      'Staff deserve better opportunities for development.',
    ].join(' ');

    it('matches a hand count on a known passage, within the error of the syllable heuristic', () => {
      const r = textReadability(PASSAGE);
      assert.equal(r.sentences, 10);
      assert.ok(Math.abs(r.polysyllables - 13) <= 1, `polysyllables ${r.polysyllables}`);
      assert.ok(r.smog !== undefined && Math.abs(r.smog - 9.64) < 0.5, `SMOG ${r.smog}`);
    });

    it('follows the formula', () => {
      assert.equal(smogGrade(30, 30)!.toFixed(4), (1.043 * Math.sqrt(30) + 3.1291).toFixed(4));
      assert.equal(smogGrade(0, 10)!.toFixed(4), '3.1291');
    });

    it(`has no grade below ${MIN_SMOG_SENTENCES} sentences`, () => {
      assert.equal(smogGrade(50, MIN_SMOG_SENTENCES - 1), undefined);
      assert.equal(textReadability('One short sentence. And another.').smog, undefined);
    });

    it('describes who can read a grade, by the NHS content style guide bands', () => {
      assert.deepEqual(
        [5, 7, 9.9, 10, 11.5, 12, 13.9, 14, 16.9, 17].map((g) => readingShare(g).percent),
        [undefined, 93, 93, 76, 76, 51, 51, 22, 22, undefined],
      );
      assert.equal(readingShare(12.4).share, 'about half of UK adults');
      assert.equal(readingShare(18).share, 'fewer than 1 in 5 UK adults');
    });
  });

  describe('proseOf', () => {
    it('reads inline markup as plain text and maps each character back to the source', () => {
      const source = 'A **bold** [link](https://x.org), `code` and &amp; \\*stars\\*.';
      const root = parseMarkdown(source);
      const paragraph = root.children[0]!;
      assert.equal(paragraph.type, 'paragraph');
      const prose = proseOf(paragraph, source);
      assert.equal(prose.text, 'A bold link, x and & *stars*.');
      for (const [i, ch] of [...prose.text].entries()) {
        if (ch === 'x' || ch === ' ') continue;
        assert.equal(source[prose.offsets[i]!], ch, `character ${i} (${ch})`);
      }
    });

    it('aligns list continuation lines and block quotes despite their stripped indentation', () => {
      const source = md('> First line', '> Second line.');
      const root = parseMarkdown(source);
      const quote = root.children[0]!;
      assert.equal(quote.type, 'blockquote');
      const prose = proseOf(quote.children[0] as Paragraph, source);
      assert.equal(source[prose.offsets[prose.text.indexOf('Second')]!], 'S');
      assert.equal(prose.offsets[prose.text.indexOf('Second')], source.indexOf('Second'));
    });
  });

  describe('documentReadability', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');

    it('grades each section by its own paragraphs and list items, and not below ten sentences', () => {
      const d = doc(md('# Plan', '', 'Intro only.', '', '## Long', '', ten, '', '### Short', '', '- One.', '- Two.', '', '| a. B. C. |', '|---|'));
      const r = documentReadability(d);
      assert.deepEqual(
        r.sections.map((s) => [s.sentences, s.smog === undefined]),
        [
          [0, true],
          [1, true],
          [10, false],
          [2, true],
        ],
      );
    });

    it('gives each sentence its source range and section, and is computed once per analysis', () => {
      const d = doc(md('# Plan', '', 'One two. **Three** four five.'));
      const r = documentReadability(d);
      assert.deepEqual(
        r.sentences.map((s) => [d.plan.text.slice(s.start, s.end), s.words, s.section]),
        [
          ['One two.', 2, 1],
          ['**Three** four five.', 3, 1],
        ],
      );
      assert.equal(documentReadability(d), r);
    });

    it('keeps emphasis markers with the sentence they wrap', () => {
      const d = doc(md('# Plan', '', '- **Housing.** A _new_ grant. _It helps._ See [the plan](p.md).'));
      assert.deepEqual(
        documentReadability(d).sentences.map((s) => d.plan.text.slice(s.start, s.end)),
        ['**Housing.**', 'A _new_ grant.', '_It helps._', 'See [the plan](p.md).'],
      );
    });
  });
});
