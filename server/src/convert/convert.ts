/**
 * Word (.docx) and PDF plans, converted to the Markdown the analysis reads. This module is
 * the shared part: what a conversion returns, the limits, the clear errors, and the front
 * matter made from what the document says (title, ICB, period). Reading a file and running
 * the conversion off the main thread are in run.ts; the converters in docx.ts and pdf.ts.
 */
import { locateBlocks, type BlockLocation } from './locate.js';

export type SourceKind = 'docx' | 'pdf';

/** What a Word or PDF file becomes. */
export interface Converted {
  kind: SourceKind;
  /** The plan as Markdown, with front matter (plan, title, icb, period where found). */
  markdown: string;
  /** Where each block of `markdown` is in the source, in the reader's terms (see locate.ts). */
  blocks: BlockLocation[];
  title?: string;
  icb?: string;
  period?: string;
  /** Things the conversion could not keep (e.g. an image without alt text), in plain English. */
  notes: string[];
}

/** Limits that keep a conversion bounded. */
export interface ConvertLimits {
  /** Largest source file read, in bytes. */
  maxInputBytes: number;
  /** Largest converted text, in MB (the same limit as a Markdown plan file, jfp.analysis.maxFileSizeMB). */
  maxTextMB: number;
  /** Longest a conversion may take, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ConvertLimits = { maxInputBytes: 50 * 1024 * 1024, maxTextMB: 5, timeoutMs: 120_000 };

/** A conversion that failed for a reason the user can act on; `message` names the file. */
export class ConvertError extends Error {
  constructor(
    message: string,
    readonly reason: 'unsupported' | 'password' | 'corrupt' | 'too-large' | 'no-text' | 'timeout' | 'unreadable',
  ) {
    super(message);
    this.name = 'ConvertError';
  }
}

/** The kind of a source file from its name, or undefined when it is not Word or PDF. */
export function sourceKind(file: string): SourceKind | undefined {
  if (/\.docx$/i.test(file)) return 'docx';
  if (/\.pdf$/i.test(file)) return 'pdf';
  return undefined;
}

/** True for file names jfp-assist converts (.docx, .pdf); `.doc` is named so it gets its own message. */
export function isConvertiblePath(file: string): boolean {
  return sourceKind(file) !== undefined;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Checks the first bytes of a source file, so that a password-protected Word file, an old
 * .doc saved as .docx, or a damaged file gets a message instead of a library's stack trace.
 */
export function checkSignature(name: string, kind: SourceKind, bytes: Uint8Array): void {
  if (kind === 'docx') {
    if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new ConvertError(
        `${name} is password-protected or is an older Word file (.doc). Remove the password in Word (File > Info > Protect Document) or save it as a Word Document (.docx), then try again.`,
        'password',
      );
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ConvertError(`${name} is not a Word document (.docx), or it is damaged: it does not start like one. Open it in Word and save it again as .docx.`, 'corrupt');
  } else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (!head.includes('%PDF-')) throw new ConvertError(`${name} is not a PDF file, or it is damaged: it does not start like one.`, 'corrupt');
  }
}

const PERIOD = /\b(20\d\d)\s*\/\s*(\d\d)\s*(?:to|-|–|—|until)\s*(20\d\d)\s*\/\s*(\d\d)\b/i;
const ICB = /\b((?:NHS\s+)?[A-Z][\w'’&,-]*(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][\w'’&,-]*){0,7}\s+Integrated\s+Care\s+Board)\b/;

/** The plan period (e.g. "2026/27 to 2030/31") written near the start of a text, if any. */
export function findPeriod(text: string): string | undefined {
  const m = PERIOD.exec(text.slice(0, 20_000));
  return m ? `${m[1]}/${m[2]} to ${m[3]}/${m[4]}` : undefined;
}

/** The integrated care board named near the start of a text, if any. */
export function findIcb(text: string): string | undefined {
  const m = ICB.exec(text.slice(0, 20_000));
  return m?.[1]?.replace(/\s+/g, ' ');
}

/** A YAML double-quoted string. */
function yamlString(s: string): string {
  return JSON.stringify(s.replace(/\s+/g, ' ').trim());
}

/**
 * The Markdown of a converted plan: front matter declaring a plan, with the title, ICB and
 * period found in the text, then the body; plus where each block came from (`pages`: the
 * page of each block of the body, in order, for a PDF).
 */
export function finish(kind: SourceKind, name: string, body: string, title: string | undefined, limits: ConvertLimits, notes: string[], pages?: readonly number[]): Converted {
  const period = findPeriod(body);
  const icb = findIcb(body);
  const front = ['---', 'plan: joint-forward-plan', ...(title ? [`title: ${yamlString(title)}`] : []), ...(icb ? [`icb: ${yamlString(icb)}`] : []), ...(period ? [`period: ${yamlString(period)}`] : []), `source: ${yamlString(name)}`, '---', ''];
  const markdown = front.join('\n') + '\n' + body.replace(/\s+$/, '') + '\n';
  if (markdown.length > limits.maxTextMB * 1024 * 1024) {
    throw new ConvertError(`${name} is too large to check: its text is over ${limits.maxTextMB} MB (jfp.analysis.maxFileSizeMB).`, 'too-large');
  }
  return {
    kind,
    markdown,
    blocks: locateBlocks(markdown, pages ? (i) => pages[i] : undefined),
    ...(title ? { title } : {}),
    ...(icb ? { icb } : {}),
    ...(period ? { period } : {}),
    notes,
  };
}
