/**
 * The edits made to open documents since their last completed analysis, so that a request
 * can be answered from that analysis while a newer one is under way: a position in the
 * editor's text is mapped back to the analysed text, and a range of the answer is mapped
 * forward to the editor's text. Text inside an edit has no counterpart in the other version:
 * what falls there is not mapped (the caller answers what it can without it, or nothing), so
 * no answer ever points at text that is not there.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

/** One change: the text at [start, end) of the version before became `length` characters (offsets). */
export interface OffsetEdit {
  /** The version the change produced. */
  to: number;
  start: number;
  end: number;
  length: number;
}

interface DocumentLog {
  /** The oldest version the log can map from. */
  base: number;
  /** The version after the last recorded change. */
  head: number;
  edits: OffsetEdit[];
}

/** Beyond this many edits since the analysis, requests wait for the analysis instead (mapping costs grow with the log). */
const MAX_EDITS = 5000;

export class EditLog {
  private readonly logs = new Map<string, DocumentLog>();

  /**
   * Applies an editor's changes to a document (as TextDocument.update does) and records each as
   * offsets into the text it applied to. Used as the documents' `update` (see server.ts).
   */
  apply(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    let log = this.logs.get(doc.uri);
    // A change the log did not see (or none yet): it maps only from this version on.
    if (!log || log.head !== doc.version) log = { base: doc.version, head: doc.version, edits: [] };
    for (const change of changes) {
      const before = doc.getText().length;
      let start = 0;
      let end = before;
      if ('range' in change) {
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        start = Math.min(a, b);
        end = Math.max(a, b);
      }
      log.edits.push({ to: version, start, end, length: change.text.length });
      doc = TextDocument.update(doc, [change], version);
    }
    log.head = version;
    if (log.edits.length > MAX_EDITS) log = { base: version, head: version, edits: [] };
    this.logs.set(doc.uri, log);
    return doc;
  }

  /** A document was opened: its log starts at this version. */
  opened(uri: string, version: number): void {
    this.logs.set(uri, { base: version, head: version, edits: [] });
  }

  closed(uri: string): void {
    this.logs.delete(uri);
  }

  /** The analysis of `version` completed: edits up to it are no longer needed. */
  analysed(uri: string, version: number): void {
    const log = this.logs.get(uri);
    if (!log || version < log.base) return;
    log.edits = log.edits.filter((e) => e.to > version);
    log.base = Math.min(version, log.head);
  }

  /** The map from the text of version `from` to the editor's `doc`, or undefined when the log cannot tell. */
  mapping(doc: TextDocument, from: number): VersionMap | undefined {
    if (from === doc.version) return new VersionMap([]);
    const log = this.logs.get(doc.uri);
    if (!log || log.head !== doc.version || from < log.base || from > doc.version) return undefined;
    return new VersionMap(log.edits.filter((e) => e.to > from));
  }
}

/** Maps offsets between an older version of a text and a newer one, through the edits in between. */
export class VersionMap {
  constructor(private readonly edits: readonly OffsetEdit[]) {}

  /** True when the two versions are the same text. */
  get identity(): boolean {
    return this.edits.length === 0;
  }

  /** An offset of the newer text in the older one; undefined inside text an edit wrote. */
  back(offset: number): number | undefined {
    let at = offset;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i]!;
      // Just after written text (or where text was deleted), the text that follows is the old text after the edit.
      if (at >= e.start + e.length) at -= e.length - (e.end - e.start);
      else if (at > e.start) return undefined;
    }
    return at;
  }

  /** Like back, but a position inside written text goes to where that edit started (for what only needs to be near). */
  backNear(offset: number): number {
    let at = offset;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i]!;
      if (at >= e.start + e.length) at -= e.length - (e.end - e.start);
      else if (at > e.start) at = e.start;
    }
    return at;
  }

  /** A span of the older text in the newer one; undefined when an edit touched its inside. */
  forward(start: number, end: number): { start: number; end: number } | undefined {
    let a = start;
    let b = end;
    for (const e of this.edits) {
      if (b <= e.start) continue;
      if (a >= e.end) {
        const delta = e.length - (e.end - e.start);
        a += delta;
        b += delta;
        continue;
      }
      return undefined;
    }
    return { start: a, end: b };
  }
}

/** Converts between positions of an analysed text (its line index) and the editor's document, through a VersionMap. */
export interface Lines {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

export class PositionMap {
  constructor(
    private readonly map: VersionMap,
    /** The analysed text's lines. */
    private readonly old: Lines,
    /** The editor's document. */
    private readonly now: Lines,
  ) {}

  get identity(): boolean {
    return this.map.identity;
  }

  /** A position of the editor's text in the analysed text; undefined inside text written since. */
  back(position: Position): Position | undefined {
    if (this.map.identity) return position;
    const offset = this.map.back(this.now.offsetAt(position));
    return offset === undefined ? undefined : this.old.positionAt(offset);
  }

  /** The offset in the analysed text nearest to a position of the editor's text. */
  backNear(position: Position): number {
    return this.map.backNear(this.now.offsetAt(position));
  }

  /** A range of the analysed text in the editor's text; undefined when an edit touched it. */
  forward(range: Range): Range | undefined {
    if (this.map.identity) return range;
    const span = this.map.forward(this.old.offsetAt(range.start), this.old.offsetAt(range.end));
    return span && { start: this.now.positionAt(span.start), end: this.now.positionAt(span.end) };
  }
}
