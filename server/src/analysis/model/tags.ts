/**
 * jfp comments: `<!-- jfp: id, id -->` maps the enclosing section to catalogue items;
 * `<!-- jfp-waive id: reason -->` waives an item for the whole plan.
 */

export interface TagId {
  id: string;
  start: number;
  end: number;
}

export interface Tag {
  kind: 'map' | 'waive';
  ids: TagId[];
  /** Waiver reason; '' when none was given. */
  reason: string;
  /** Offsets of the whole comment. */
  start: number;
  end: number;
  /** Index of the section the comment is in. */
  section: number;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^(\s*)jfp(-waive)?(\s*:|\s+)/;
const ID = /[A-Za-z0-9][\w-]*/g;

/** Finds jfp comments in a slice of source that is known to be HTML (an mdast html node). */
export function scanTags(source: string, base: number, section: number): Tag[] {
  const tags: Tag[] = [];
  for (const m of source.matchAll(COMMENT)) {
    const body = m[1]!;
    const d = DIRECTIVE.exec(body);
    if (!d) continue;
    const bodyStart = base + m.index + 4;
    const afterDirective = d[0].length;
    const isWaive = d[2] !== undefined;
    let idPart = body.slice(afterDirective);
    let reason = '';
    if (isWaive) {
      // jfp-waive id: reason   (the colon after the directive is optional)
      const colon = idPart.indexOf(':');
      if (colon >= 0) {
        reason = idPart.slice(colon + 1).trim();
        idPart = idPart.slice(0, colon);
      }
    }
    const ids: TagId[] = [];
    for (const idm of idPart.matchAll(ID)) {
      const start = bodyStart + afterDirective + idm.index;
      ids.push({ id: idm[0], start, end: start + idm[0].length });
      if (isWaive) break; // one item per waiver; the rest is treated as the reason
    }
    if (isWaive && ids.length === 1 && reason === '') {
      const rest = idPart.slice(ids[0]!.end - bodyStart - afterDirective).trim();
      reason = rest;
    }
    tags.push({
      kind: isWaive ? 'waive' : 'map',
      ids,
      reason,
      start: base + m.index,
      end: base + m.index + m[0].length,
      section,
    });
  }
  return tags;
}
