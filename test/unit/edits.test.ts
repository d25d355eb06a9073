import * as assert from 'node:assert/strict';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { insertSectionsEdit, openBlockCloser, tagSectionEdit, waiveEdit, waiverReasonEdit, type TextEdit } from '../../server/src/analysis/edits.js';
import { LineIndex } from '../../server/src/analysis/model/lineIndex.js';
import { analyseMini, md, miniCatalogue } from '../helpers.js';

function doc(text: string) {
  return analyseDocument('file:///plan.md', text, indexCatalogue(miniCatalogue()));
}

function apply(text: string, edit: TextEdit): string {
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
}

describe('edits', () => {
  it('inserts a section before the appendices, shown as started until it has content', () => {
    const text = md('# Plan', '', '## Intro', '', 'Text.', '', '## Appendix A: glossary', '', 'Terms.', '');
    const item = miniCatalogue().get('duty-integration')!;
    const result = apply(text, insertSectionsEdit(doc(text), [item])!);
    assert.ok(result.indexOf('## Integration') < result.indexOf('## Appendix A'));
    assert.ok(result.includes('<!-- jfp: duty-integration -->'));
    assert.ok(result.startsWith(text.slice(0, text.indexOf('## Appendix'))), 'text before the insertion is untouched');
    assert.ok(result.endsWith(text.slice(text.indexOf('## Appendix'))), 'text after the insertion is untouched');
    const c = analyseMini(result).byId.get('duty-integration')!;
    assert.equal(c.status, 'missing');
    assert.equal(c.started, true);
  });

  it('appends at the end when there is no back matter, and keeps CRLF line breaks', () => {
    const text = '# Plan\r\n\r\nText.';
    const item = miniCatalogue().get('area-estates')!;
    const result = apply(text, insertSectionsEdit(doc(text), [item])!);
    assert.ok(result.startsWith('# Plan\r\n\r\nText.\r\n\r\n## Estates\r\n'));
    assert.ok(!/[^\r]\n/.test(result), 'every line break is CRLF');
  });

  it('uses the document’s chapter level for new headings', () => {
    const text = md('# Plan', '### Deep', 'x');
    const result = apply(text, insertSectionsEdit(doc(text), [miniCatalogue().get('area-estates')!])!);
    assert.ok(result.includes('\n### Estates\n'));
  });

  it('keeps skeleton prompts out of the evidence', () => {
    const text = md('# Plan', '');
    const result = apply(text, insertSectionsEdit(doc(text), [miniCatalogue().get('duty-climate-change')!])!);
    const c = analyseMini(result).byId.get('duty-climate-change')!;
    assert.equal(c.elements.covered, 0, 'key-element labels in the to-do comment are not evidence');
  });

  it('waives an item under the title', () => {
    const text = md('# Plan', '', 'Intro.');
    const result = apply(text, waiveEdit(doc(text), 'area-estates'));
    assert.equal(result, md('# Plan', '', '<!-- jfp-waive area-estates: say why this plan does not cover it -->', '', 'Intro.'));
    assert.equal(analyseMini(result).byId.get('area-estates')!.status, 'waived');
  });

  it('tags a section under its heading, or extends its existing tag', () => {
    const text = md('# Plan', '', '## Travel', '', 'net zero');
    const result = apply(text, tagSectionEdit(doc(text), 2, 'duty-climate-change')!);
    assert.equal(result, md('# Plan', '', '## Travel', '', '<!-- jfp: duty-climate-change -->', '', 'net zero'));
    const again = apply(result, tagSectionEdit(doc(result), 2, 'area-estates')!);
    assert.ok(again.includes('<!-- jfp: duty-climate-change, area-estates -->'));
    assert.equal(tagSectionEdit(doc(again), 2, 'area-estates'), undefined, 'no duplicate id');
  });

  it('adds a reason placeholder to a bare waiver', () => {
    const text = '# P\n<!-- jfp-waive area-estates -->';
    const d = doc(text);
    const result = apply(text, waiverReasonEdit(d, d.plan.tags[0]!.ids[0]!.end));
    assert.equal(result, '# P\n<!-- jfp-waive area-estates: say why this plan does not cover it -->');
  });

  it('closes an HTML comment or code fence left open at the end, so an inserted section is not swallowed', () => {
    const item = miniCatalogue().get('duty-integration')!;
    for (const [text, closer] of [
      ['# Plan\n\n<!-- draft note\nmore', '\n-->\n'],
      ['# Plan\n\n```\ncode\n', '```\n'],
      ['# Plan\r\n\r\n~~~~\r\ncode', '\r\n~~~~\r\n'],
      ['# Plan\n\n```\ncode\n```\n', ''],
      ['# Plan\n\n<!-- closed -->\n', ''],
      ['# Plan\n\n> ```\n> quoted code\n', ''],
    ] as const) {
      const d = doc(text);
      assert.equal(openBlockCloser(d), closer, JSON.stringify(text));
      const after = apply(text, insertSectionsEdit(d, [item])!);
      assert.ok(after.startsWith(text), 'the existing text is kept');
      assert.ok(doc(after).plan.sections.some((s) => s.depth === 2), `the new heading is a heading: ${JSON.stringify(after)}`);
    }
  });
});
