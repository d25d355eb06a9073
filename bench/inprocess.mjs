/**
 * The in-process figures of `npm run bench` for one plan text: bare remark (a), the parser
 * jfp-assist uses (b), markdownlint (c), jfp-assist's cold analysis (d) and its analysis after a
 * one-character edit (e), and vscode-markdown-languageservice's diagnostics after the same edit (v).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { editOffsets, positionAt, time, timeAsync } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const A = (f) => pathToFileURL(path.join(ROOT, 'out', 'server', 'src', 'analysis', f)).href;
const { parseMarkdown } = await import(A('model/markdown.js'));
const { analyseDocument, analysePlan } = await import(A('analyse.js'));
const { getDefaultCatalogue } = await import(A('data/catalogue.js'));
const { indexCatalogue } = await import(A('data/catalogueIndex.js'));
const { IncrementalParser } = await import(A('model/incremental.js'));

// CommonJS whose exports Node's ESM loader cannot list: required instead.
const mdls = createRequire(import.meta.url)('vscode-markdown-languageservice');

const catalogue = getDefaultCatalogue();
const index = indexCatalogue(catalogue);
const URI_ = 'file:///bench/bench-forward-plan.md';

/** Our analysis as the server runs it for the open document: model, coverage, its findings. */
function analyse(text, parse) {
  const doc = analyseDocument(URI_, text, index, parse);
  const plan = analysePlan([doc], catalogue);
  return plan.findings.get(URI_).length;
}

/** Edits `text` by inserting 'x' at successive spread offsets; `apply(newText, offset)` is timed per edit. */
function editor(text, runs) {
  const offsets = editOffsets(text, runs + 1);
  let k = 0;
  let current = text;
  return () => {
    const at = offsets[k % offsets.length] + k;
    k++;
    const position = positionAt(current, at);
    current = current.slice(0, at) + 'x' + current.slice(at);
    return { text: current, at, position };
  };
}

/**
 * vscode-markdown-languageservice in-process, with markdown-it as its parser (as VS Code does)
 * and a workspace of the one document: its diagnostics (references, fragment and file links,
 * unused and duplicate definitions) after a one-character edit, median of `runs`.
 */
async function markdownLanguageService(text, runs) {
  const md = MarkdownIt({ html: true });
  const parser = { slugifier: mdls.githubSlugifier, tokenize: async (doc) => md.parse(doc.getText(), {}) };
  let doc = TextDocument.create(URI_, 'markdown', 1, text);
  const listeners = [];
  const event = (l, thisArg) => {
    listeners.push(l.bind(thisArg));
    return { dispose() {} };
  };
  const workspace = {
    workspaceFolders: [URI.parse('file:///bench/')],
    onDidChangeMarkdownDocument: event,
    onDidCreateMarkdownDocument: () => ({ dispose() {} }),
    onDidDeleteMarkdownDocument: () => ({ dispose() {} }),
    getAllMarkdownDocuments: async () => [doc],
    hasMarkdownDocument: (r) => r.toString() === URI_,
    openMarkdownDocument: async (r) => (r.toString() === URI_ ? doc : undefined),
    stat: async (r) => (r.toString() === URI_ ? { isDirectory: false } : r.toString() === 'file:///bench/' ? { isDirectory: true } : undefined),
    readDirectory: async () => [['bench-forward-plan.md', { isDirectory: false }]],
  };
  const logger = { level: 0, log() {} };
  const service = mdls.createLanguageService({ workspace, parser, logger });
  const options = {
    validateReferences: 'warning',
    validateFragmentLinks: 'warning',
    validateFileLinks: 'warning',
    validateMarkdownFileLinkFragments: 'warning',
    validateUnusedLinkDefinitions: 'hint',
    validateDuplicateLinkDefinitions: 'warning',
    ignoreLinks: [],
  };
  const token = new CancellationTokenSource().token;
  await service.computeDiagnostics(doc, options, token);
  const next = editor(text, runs);
  const result = await timeAsync(async () => {
    const { position } = next();
    doc = TextDocument.update(doc, [{ range: { start: position, end: position }, text: 'x' }], doc.version + 1);
    for (const l of listeners) l(doc);
    await service.computeDiagnostics(doc, options, token);
  }, runs);
  service.dispose();
  return result;
}

export async function inProcess(text, runs) {
  const bare = unified().use(remarkParse);
  const r = {};
  r.a = time(() => bare.parse(text), runs);
  r.b = time(() => parseMarkdown(text), runs);
  r.c = time(() => lint({ strings: { plan: text } }), runs);
  r.d = time(() => analyse(text), runs);
  // (e): one parser kept across versions, as the server keeps one per open document.
  const parser = new IncrementalParser();
  analyse(text, (t) => parser.parse(t));
  const next = editor(text, runs);
  r.e = time(() => analyse(next().text, (t) => parser.parse(t)), runs);
  try {
    r.v = await markdownLanguageService(text, runs);
  } catch (e) {
    process.stderr.write(`vscode-markdown-languageservice could not run: ${e instanceof Error ? e.stack : String(e)}\n`);
    r.v = NaN;
  }
  return r;
}
