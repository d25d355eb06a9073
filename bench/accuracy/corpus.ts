/**
 * Reading a labelled corpus (issue 13): `labels.json` of the form
 * `{ file: { id: { verdict, quote } } }` beside Markdown files, or one plan with an expected
 * table `{ strong: [ids], weak: [ids], absent: [ids] }` (docs/expected/nottingham.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueId, type Verdict } from './score.js';

export interface Label {
  id: string;
  verdict: Verdict;
  quote?: string;
}

export interface CorpusFile {
  file: string;
  group: string;
  /** The text with HTML comments removed (they are the corpus's provenance notes). */
  text: string;
  labels: Label[];
}

/** Removes `<!-- ... -->` comments; an unclosed one runs to the end. */
export function stripComments(text: string): string {
  return text.replace(/<!--[^]*?(?:-->|$)/g, '');
}

const VERDICT_SET = new Set<string>(['addressed', 'mentioned', 'absent']);

/** Labels from a labels.json object; throws a clear message on a bad entry. */
export function parseLabels(data: unknown): Map<string, Label[]> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('labels.json must be an object of files');
  const out = new Map<string, Label[]>();
  for (const [file, ids] of Object.entries(data as Record<string, unknown>)) {
    if (typeof ids !== 'object' || ids === null) throw new Error(`labels.json: ${file} must be an object of ids`);
    const labels: Label[] = [];
    for (const [id, value] of Object.entries(ids as Record<string, unknown>)) {
      const v = value as { verdict?: unknown; quote?: unknown };
      if (typeof v?.verdict !== 'string' || !VERDICT_SET.has(v.verdict)) throw new Error(`labels.json: ${file} ${id}: verdict must be addressed, mentioned or absent`);
      labels.push({ id: catalogueId(id), verdict: v.verdict as Verdict, ...(typeof v.quote === 'string' ? { quote: v.quote } : {}) });
    }
    out.set(file, labels);
  }
  return out;
}

/**
 * Groups (ICBs) named in the corpus README's file table (`| \`file\` | NHS Name (place) | ...`),
 * so that several texts of one ICB are held out together; a file not in the table is its own group.
 */
export function readmeGroups(readme: string): Map<string, string> {
  const groups = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*([^|]+)\|/.exec(line);
    if (m) groups.set(m[1]!, m[2]!.replace(/\(.*?\)/g, '').trim());
  }
  return groups;
}

/** A corpus directory: labels.json, the Markdown files it names, and optionally README.md. */
export function readCorpus(dir: string): CorpusFile[] {
  const labelsPath = path.join(dir, 'labels.json');
  if (!fs.existsSync(labelsPath)) throw new Error(`${labelsPath} not found: a corpus is a folder with labels.json beside its Markdown files`);
  const labels = parseLabels(JSON.parse(fs.readFileSync(labelsPath, 'utf8')));
  const readme = path.join(dir, 'README.md');
  const groups = fs.existsSync(readme) ? readmeGroups(fs.readFileSync(readme, 'utf8')) : new Map<string, string>();
  return [...labels].map(([file, list]) => ({
    file,
    group: groups.get(file) ?? file,
    text: stripComments(fs.readFileSync(path.join(dir, file), 'utf8')),
    labels: list,
  }));
}

/** One plan and an expected table of strong, weak and absent ids (strong = addressed, weak = mentioned). */
export function readExpected(planPath: string, expectedPath: string): CorpusFile[] {
  const data = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as Partial<Record<'strong' | 'weak' | 'absent', string[]>>;
  const labels: Label[] = [];
  const levels: [keyof typeof data, Verdict][] = [
    ['strong', 'addressed'],
    ['weak', 'mentioned'],
    ['absent', 'absent'],
  ];
  for (const [level, verdict] of levels) for (const id of data[level] ?? []) labels.push({ id: catalogueId(id), verdict });
  const file = path.basename(planPath);
  return [{ file, group: file, text: stripComments(fs.readFileSync(planPath, 'utf8')), labels }];
}
