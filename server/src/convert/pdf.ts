/**
 * PDF in: the text of each page and the outline (bookmarks) through unpdf (PDF.js for
 * servers), laid out into headings and paragraphs by pdfLayout.ts, written as Markdown with
 * mdast-util-to-markdown (so text that looks like Markdown stays text). A PDF without a
 * text layer (scanned pages) gets a clear message.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ConvertError, finish, type Converted, type ConvertLimits } from './convert.js';
import { layoutBlocks, type OutlineEntry, type PdfBlock } from './pdfLayout.js';

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

function flattenOutline(nodes: readonly OutlineNode[] | null | undefined, depth = 0, out: OutlineEntry[] = []): OutlineEntry[] {
  for (const n of nodes ?? []) {
    if (out.length >= 5000) break;
    out.push({ title: n.title, depth });
    flattenOutline(n.items, depth + 1, out);
  }
  return out;
}

/** Markdown and the page of each block, from the laid-out blocks. */
export function blocksToMarkdown(blocks: readonly PdfBlock[]): { body: string; pages: number[]; title: string | undefined } {
  const children: (Heading | Paragraph | List)[] = [];
  const pages: number[] = [];
  let list: List | undefined;
  for (const b of blocks) {
    pages.push(b.page);
    if (b.type === 'item') {
      const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: b.text }] } as BlockContent] };
      if (!list) children.push((list = { type: 'list', ordered: false, spread: false, children: [] }));
      list.children.push(item);
      continue;
    }
    list = undefined;
    if (b.type === 'heading') children.push({ type: 'heading', depth: b.depth as Heading['depth'], children: [{ type: 'text', value: b.text }] });
    else children.push({ type: 'paragraph', children: [{ type: 'text', value: b.text }] });
  }
  const root: Root = { type: 'root', children };
  const first = blocks.find((b) => b.type === 'heading' && b.depth === 1);
  return { body: toMarkdown(root, { bullet: '-', listItemIndent: 'one' }), pages, title: first?.text };
}

/** Converts the bytes of a PDF file (named `name` in messages). */
export async function convertPdf(name: string, bytes: Uint8Array, limits: ConvertLimits): Promise<Converted> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    const kind = e instanceof Error ? e.name : '';
    if (kind === 'PasswordException') throw new ConvertError(`${name} is password-protected. Save a copy without the password (or ask its publisher for one), then try again.`, 'password');
    throw new ConvertError(`${name} could not be read as a PDF: it may be damaged (${e instanceof Error ? e.message : String(e)}).`, 'corrupt');
  }
  try {
    const [outline, text] = await Promise.all([pdf.getOutline().catch(() => null), extractTextItems(pdf)]);
    const chars = text.items.reduce((n, page) => n + page.reduce((m, i) => m + i.str.trim().length, 0), 0);
    if (chars > limits.maxTextMB * 1024 * 1024) {
      throw new ConvertError(`${name} is too large to check: its text is over ${limits.maxTextMB} MB (jfp.analysis.maxFileSizeMB).`, 'too-large');
    }
    if (chars < 40 * text.totalPages) {
      throw new ConvertError(
        `${name} has no text to check: it looks like scanned pages (pictures of text, ${text.totalPages} page${text.totalPages === 1 ? '' : 's'}). Use the Word version of the plan, or make the text searchable first (for example with "Recognise text" in a PDF editor).`,
        'no-text',
      );
    }
    const blocks = layoutBlocks(text.items, flattenOutline(outline as OutlineNode[] | null));
    const { body, pages, title } = blocksToMarkdown(blocks);
    return finish('pdf', name, body, title, limits, [], pages);
  } catch (e) {
    if (e instanceof ConvertError) throw e;
    throw new ConvertError(`${name} could not be read as a PDF: it may be damaged (${e instanceof Error ? e.message : String(e)}).`, 'corrupt');
  } finally {
    void pdf.destroy();
  }
}
