/** Runs the engine on corpus files and pairs its verdicts with the labels. */
import { computeCoverage, type Scoring } from '../../server/src/analysis/coverage.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument, type DocumentAnalysis } from '../../server/src/analysis/model/document.js';
import type { ItemCoverage } from '../../server/src/analysis/types.js';
import type { CorpusFile } from './corpus.js';
import { verdictOf, type Pair } from './score.js';

export interface Analysed {
  file: CorpusFile;
  doc: DocumentAnalysis;
}

const index = () => indexCatalogue(getDefaultCatalogue());

/** Each file analysed once, as a plan of its own. */
export function analyseCorpus(files: readonly CorpusFile[]): Analysed[] {
  return files.map((file) => ({ file, doc: analyseDocument(`file:///${file.file}`, file.text, index()) }));
}

/** The evidence the engine used for an item, in one line. */
export function describeEvidence(c: ItemCoverage): string {
  if (c.evidence.length === 0) return 'no evidence found';
  return c.evidence
    .slice(0, 3)
    .map((e) => {
      const where = e.heading === '' ? 'text before the first heading' : `"${e.heading}"`;
      const quote = e.quote ? ` «${e.quote}»` : '';
      return `${where} (${e.how}, ${e.strength}${e.terms.length > 0 ? `: ${e.terms.join(', ')}` : ''})${quote}`;
    })
    .join('; ');
}

/** Label and verdict pairs for the analysed files, with the given thresholds. */
export function judge(analysed: readonly Analysed[], scoring?: Readonly<Scoring>): Pair[] {
  const pairs: Pair[] = [];
  for (const { file, doc } of analysed) {
    const coverage = computeCoverage([doc], index(), { mode: 'full', ...(scoring ? { scoring } : {}) });
    const byId = new Map(coverage.map((c) => [c.id, c]));
    for (const label of file.labels) {
      const c = byId.get(label.id);
      if (!c) throw new Error(`${file.file}: the catalogue has no item ${label.id}`);
      pairs.push({
        file: file.file,
        group: file.group,
        id: label.id,
        expected: label.verdict,
        actual: verdictOf(c.status),
        ...(label.quote ? { quote: label.quote } : {}),
        evidence: describeEvidence(c),
      });
    }
  }
  return pairs;
}
