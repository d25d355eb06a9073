/**
 * Results remembered by text for the versions analysed lately. A cache of this kind is read by
 * one analysis at a time (a "use": one document version's sections, segments or paragraphs),
 * and keeps an entry while one of the last RECENT_USES uses read it or stored it. So an author
 * typing into one plan keeps that plan's entries and the few versions of the pieces just edited
 * (an undo finds them), and no more however long the session: an old version's piece is
 * forgotten after RECENT_USES analyses. The open documents of a plan, each analysed on every
 * edit, keep theirs while there are fewer than RECENT_USES of them. Pure memory management:
 * what is remembered never changes a result.
 */

/** How many uses an entry outlives the last one that read it. */
export const RECENT_USES = 8;

interface Stamped<V> {
  value: V;
  use: number;
}

export class RecentByText<V> {
  private readonly entries = new Map<string, Stamped<V>>();
  private use = 0;

  get size(): number {
    return this.entries.size;
  }

  /** The value remembered for a key; reading it keeps it for the current use. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.use = this.use;
    return entry.value;
  }

  /** Remembers a value (the key should be a flat string, see detach, not a slice of a whole text). */
  set(key: string, value: V): void {
    this.entries.set(key, { value, use: this.use });
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Ends a use: forgets what none of the last RECENT_USES uses read. Linear in the entries, as the use itself is. */
  endUse(): void {
    this.use++;
    const oldest = this.use - RECENT_USES;
    for (const [key, entry] of this.entries) if (entry.use < oldest) this.entries.delete(key);
  }
}

/**
 * A flat copy of a string. A slice may keep the whole string it was cut from alive; what a
 * cache keeps across versions of a document must not keep every old version's text.
 */
export function detach(s: string): string {
  return (s + ' ').slice(0, -1);
}
