/**
 * What the editor does not analyse while the author types: files above the size limit
 * (jfp.analysis.maxFileSizeMB) and files that look binary. Such a file gets one
 * information diagnostic and no analysis, so opening it never freezes the editor.
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from './types.js';

export type SkipReason = 'too-large' | 'binary';

/** How many characters at the start of a file are inspected for binary content. */
export const BINARY_SNIFF_CHARS = 8192;

/**
 * A text looks binary when its first 8 KB hold a NUL character, or when more than one in ten
 * of them are U+FFFD (what an editor shows for bytes that are not valid UTF-8) or control
 * characters other than tab, line feed, carriage return and form feed.
 */
export function looksBinary(text: string): boolean {
  const head = text.length > BINARY_SNIFF_CHARS ? text.slice(0, BINARY_SNIFF_CHARS) : text;
  if (head.length === 0) return false;
  if (head.includes('\0')) return true;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd * 10 > head.length;
}

/** Why a document is not analysed, or undefined when it is. Size is measured in UTF-16 code units, as a cheap proxy for bytes. */
export function skipReason(text: string, maxFileSizeMB: number): SkipReason | undefined {
  if (text.length > maxFileSizeMB * 1024 * 1024) return 'too-large';
  if (looksBinary(text)) return 'binary';
  return undefined;
}

/** The single finding shown instead of an analysis. */
export function skipFinding(uri: string, reason: SkipReason, maxFileSizeMB: number): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (reason === 'too-large') {
    return {
      uri,
      range,
      severity: 'information',
      code: 'jfp.file.too-large',
      message: l10n.t('This file is larger than {0}, so jfp-assist does not check it while you type. Split the plan into chapter files, raise the jfp.analysis.maxFileSizeMB setting, or run jfp-check on it.', formatMB(maxFileSizeMB)),
    };
  }
  return {
    uri,
    range,
    severity: 'information',
    code: 'jfp.file.binary',
    message: l10n.t('This file does not look like text (it contains NUL bytes or many characters that are not valid UTF-8), so jfp-assist does not check it. Save the plan as UTF-8 Markdown.'),
  };
}

function formatMB(mb: number): string {
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(mb * 1024)} KB`;
}
