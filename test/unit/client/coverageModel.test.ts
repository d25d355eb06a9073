import * as assert from 'node:assert/strict';
import { buildGroups, evidenceDescription, groupDescription, itemChildren, itemDescription, itemIdOf, type CoverageNode } from '../../../client/src/logic/coverageModel.js';
import type { CoverageEntry } from '../../../shared/protocol.js';

/** vscode.l10n.t without a bundle: the English message with its placeholders filled in. */
const t = (message: string, ...args: (string | number | boolean)[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function entry(id: string, kind: CoverageEntry['kind'], status: CoverageEntry['status'], more: Partial<CoverageEntry> = {}): CoverageEntry {
  return { id, title: id, kind, counted: kind !== 'guidance-framing' && kind !== 'related-plan', status, legalBasis: '', evidence: [], elements: { covered: 0, total: 0, missing: [] }, ...more };
}

const evidence = (line: number, how: 'tag' | 'heading' | 'terms' = 'heading') => ({ file: 'file:///plan.md', line, endLine: line + 3, heading: `Section ${line}`, how, terms: [] });

describe('client coverage tree model', () => {
  const items = [
    entry('duty-a', 'statutory-duty', 'addressed', { evidence: [evidence(3)] }),
    entry('duty-b', 'statutory-duty', 'missing', { elements: { covered: 0, total: 2, missing: ['One', 'Two'] } }),
    entry('area-c', 'content-area', 'waived', { waiver: { file: 'file:///plan.md', line: 9, reason: 'covered elsewhere' } }),
    entry('commit-d', 'universal-commitment', 'partial', { evidence: [evidence(5, 'terms'), evidence(12, 'terms')] }),
    entry('area-e', 'content-area', 'missing', { counted: false }),
    entry('frame-f', 'guidance-framing', 'addressed'),
  ];
  const groups = buildGroups(items, t) as Extract<CoverageNode, { type: 'group' }>[];

  it('groups items by kind in display order, leaving out empty groups, in the order sent', () => {
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.items.map((i) => i.id), g.expanded]),
      [
        ['duties', 'Statutory duties', ['duty-a', 'duty-b'], true],
        ['content', 'Content areas', ['area-c', 'commit-d', 'area-e'], true],
        ['guidance', 'Guidance framing (not counted)', ['frame-f'], false],
      ],
    );
  });

  it('counts covered items (addressed or waived) of the counted ones; guidance counts all its items', () => {
    assert.deepEqual(groups.map(groupDescription), ['1/2', '1/2', '1/1']);
  });

  it('lists under an item its sections, its waiver, then its missing key elements', () => {
    const [duty, , waived] = items;
    assert.deepEqual(itemChildren(duty!).map((n) => n.type), ['evidence']);
    assert.deepEqual(itemChildren(items[1]!).map((n) => (n.type === 'element' ? [n.element, n.index] : n.type)), [['One', 0], ['Two', 1]]);
    assert.deepEqual(itemChildren(waived!).map((n) => n.type), ['waiver']);
  });

  it('describes each status in words', () => {
    assert.deepEqual(items.map((i) => itemDescription(i, t)), ['addressed · 1 section', 'missing', 'waived · covered elsewhere', 'partial · 2 sections', 'missing', 'addressed · 0 sections']);
    assert.equal(itemDescription(entry('x', 'content-area', 'waived', { waiver: { file: 'f', line: 1, reason: '' } }), t), 'waived');
  });

  it('says where evidence is, naming the file only when it is not the one shown', () => {
    assert.equal(evidenceDescription(evidence(12, 'tag'), undefined, t), 'line 12 · tag');
    assert.equal(evidenceDescription(evidence(12, 'tag'), 'place-chapter.md', t), 'line 12 · tag · place-chapter.md');
  });

  it('finds the item id behind a command argument', () => {
    assert.equal(itemIdOf('duty-a'), 'duty-a');
    assert.equal(itemIdOf(itemChildren(items[0]!)[0]), 'duty-a');
    assert.equal(itemIdOf(groups[0]), undefined);
    assert.equal(itemIdOf({ entry: { id: 3 } }), undefined);
    assert.equal(itemIdOf(undefined), undefined);
  });
});
