/**
 * File globs matched in linear time. A pattern is compiled to a small automaton (one
 * instruction per pattern character) and run over the path once, keeping the set of states
 * it can be in (a Thompson / Pike machine), so matching costs at most pattern length times
 * path length, whatever the pattern: nothing backtracks, unlike a glob turned into a regular
 * expression, where `*a*a*a*a*b` against a long name takes exponential time.
 *
 * Syntax (that of the usual glob libraries, with case ignored): `*` any characters but `/`;
 * `**` as a whole segment, any number of folders; `?` one character but `/`; `[abc]`,
 * `[a-z]`, `[!abc]` one character of (or not of) a set; `{a,b}` either alternative (nested
 * allowed); `\x` the character x; a leading `!` negates the pattern. Wildcards do not match
 * a name starting with a dot unless the pattern spells the dot.
 */

/** What an instruction does: consume one character that passes a test, fork, jump, assert, or accept. */
type Instruction =
  | { op: 'char'; test: (c: string, segmentStart: boolean) => boolean }
  | { op: 'split'; a: number; b: number }
  | { op: 'jump'; to: number }
  | { op: 'notDot' }
  | { op: 'match' };

const SLASH = '/';
const notSlash = (c: string, segmentStart: boolean) => c !== SLASH && !(segmentStart && c === '.');
const anyButDotStart = (c: string, segmentStart: boolean) => !(segmentStart && c === '.');

class Compiler {
  readonly program: Instruction[] = [];
  constructor(private readonly pattern: string) {}

  private emit(i: Instruction): number {
    this.program.push(i);
    return this.program.length - 1;
  }

  /** The index just past the `}` closing the brace at `open`, with its top-level comma positions; undefined when it is not an alternation. */
  private braces(open: number, end: number): { close: number; commas: number[] } | undefined {
    const p = this.pattern;
    const commas: number[] = [];
    let depth = 0;
    for (let i = open; i < end; i++) {
      const c = p[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return commas.length > 0 ? { close: i, commas } : undefined;
      else if (c === ',' && depth === 1) commas.push(i);
    }
    return undefined;
  }

  /** A character class at `open` (`[`): its test and the index past `]`; undefined when unclosed. */
  private charClass(open: number, end: number): { test: (c: string) => boolean; next: number } | undefined {
    const p = this.pattern;
    let i = open + 1;
    const negated = p[i] === '!' || p[i] === '^';
    if (negated) i++;
    const singles = new Set<string>();
    const ranges: [string, string][] = [];
    const first = i;
    for (; i < end && (p[i] !== ']' || i === first); i++) {
      let c = p[i]!;
      if (c === '\\' && i + 1 < end) c = p[++i]!;
      if (p[i + 1] === '-' && i + 2 < end && p[i + 2] !== ']') {
        ranges.push([c, p[i + 2]!]);
        i += 2;
      } else singles.add(c);
    }
    if (i >= end) return undefined;
    const inSet = (c: string) => singles.has(c) || ranges.some(([a, b]) => c >= a && c <= b);
    return { test: (c) => c !== SLASH && inSet(c) !== negated, next: i + 1 };
  }

  /** Compiles pattern[start, end) so that it runs on into what follows. */
  compile(start: number, end: number): void {
    const p = this.pattern;
    for (let i = start; i < end; ) {
      const c = p[i]!;
      const segmentStart = i === 0 || p[i - 1] === SLASH;
      if (c === '*' && p[i + 1] === '*' && segmentStart && (i + 2 === end || p[i + 2] === SLASH)) {
        const loop = this.emit({ op: 'split', a: 0, b: 0 });
        (this.program[loop] as { a: number }).a = loop + 1;
        if (i + 2 < end) {
          // `**/`: zero or more folders, each a name (not starting with a dot) and a slash.
          this.emit({ op: 'char', test: notSlash });
          this.emit({ op: 'split', a: loop + 1, b: loop + 3 });
          this.emit({ op: 'char', test: (x) => x === SLASH });
          this.emit({ op: 'jump', to: loop });
          i += 3;
        } else {
          // A final `**`: anything at all, no name starting with a dot.
          this.emit({ op: 'char', test: anyButDotStart });
          this.emit({ op: 'jump', to: loop });
          i += 2;
        }
        (this.program[loop] as { b: number }).b = this.program.length;
        continue;
      }
      if (c === SLASH && end === p.length && i + 3 === end && p.endsWith('/**') && !p.slice(p.lastIndexOf(SLASH, i - 1) + 1, i).includes('*')) {
        // A final `/**` after a name without `*` also matches the folder itself (`docs/**` matches `docs`).
        const fork = this.emit({ op: 'split', a: 0, b: 0 });
        this.emit({ op: 'char', test: (x) => x === SLASH });
        const loop = this.emit({ op: 'split', a: 0, b: 0 });
        this.emit({ op: 'char', test: anyButDotStart });
        this.emit({ op: 'jump', to: loop });
        this.program[loop] = { op: 'split', a: loop + 1, b: this.program.length };
        this.program[fork] = { op: 'split', a: fork + 1, b: this.program.length };
        break;
      }
      if (c === '*') {
        if (segmentStart) this.emit({ op: 'notDot' });
        while (p[i] === '*') i++;
        const loop = this.emit({ op: 'split', a: 0, b: 0 });
        this.emit({ op: 'char', test: notSlash });
        this.emit({ op: 'jump', to: loop });
        this.program[loop] = { op: 'split', a: loop + 1, b: this.program.length };
        continue;
      }
      if (c === '?') {
        this.emit({ op: 'char', test: notSlash });
        i++;
        continue;
      }
      if (c === '[') {
        const set = this.charClass(i, end);
        if (set) {
          this.emit({ op: 'char', test: set.test });
          i = set.next;
          continue;
        }
      }
      if (c === '{') {
        const alt = this.braces(i, end);
        if (alt) {
          this.alternation(i, alt.close, alt.commas);
          i = alt.close + 1;
          continue;
        }
      }
      const literal = c === '\\' && i + 1 < end ? p[++i]! : c;
      this.emit({ op: 'char', test: (x) => x === literal });
      i++;
    }
  }

  /** `{a,b,c}`: a fork to each alternative, each jumping to what follows the braces. */
  private alternation(open: number, close: number, commas: number[]): void {
    const bounds = [open, ...commas, close];
    const jumps: number[] = [];
    for (let k = 0; k < bounds.length - 1; k++) {
      const last = k === bounds.length - 2;
      const fork = last ? -1 : this.emit({ op: 'split', a: 0, b: 0 });
      if (!last) (this.program[fork] as { a: number }).a = fork + 1;
      this.compile(bounds[k]! + 1, bounds[k + 1]!);
      if (!last) {
        jumps.push(this.emit({ op: 'jump', to: 0 }));
        (this.program[fork] as { b: number }).b = this.program.length;
      }
    }
    for (const j of jumps) this.program[j] = { op: 'jump', to: this.program.length };
  }
}

/** A compiled glob: true when a whole path (forward slashes) matches. */
export type GlobMatcher = (path: string) => boolean;

/** Compiles one glob (case ignored). Work per path is at most the pattern's length times the path's. */
export function compileGlob(glob: string): GlobMatcher {
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  // `**/**` means what `**` means: keep one of a run of globstar segments.
  const pattern = (negated ? glob.slice(1) : glob)
    .replace(/^\.\//, '')
    .toLowerCase()
    .split(SLASH)
    .filter((segment, k, all) => !(segment === '**' && all[k - 1] === '**'))
    .join(SLASH);
  const compiler = new Compiler(pattern);
  compiler.compile(0, pattern.length);
  compiler.program.push({ op: 'match' });
  const program = compiler.program;
  return (path) => run(program, path.toLowerCase()) !== negated;
}

/** Runs the automaton over the path, one character at a time, with every state it can be in. */
function run(program: readonly Instruction[], path: string): boolean {
  const seen = new Int32Array(program.length).fill(-1);
  let current: number[] = [];
  let next: number[] = [];
  // Adds a state and everything reachable from it without consuming a character (at position `at`).
  const add = (list: number[], start: number, at: number) => {
    const stack = [start];
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (seen[pc] === at) continue;
      seen[pc] = at;
      const ins = program[pc]!;
      if (ins.op === 'jump') stack.push(ins.to);
      else if (ins.op === 'split') stack.push(ins.b, ins.a);
      else if (ins.op === 'notDot') {
        if (path[at] !== '.') stack.push(pc + 1);
      } else list.push(pc);
    }
  };
  add(current, 0, 0);
  for (let at = 0; at < path.length && current.length > 0; at++) {
    const c = path[at]!;
    const segmentStart = at === 0 || path[at - 1] === SLASH;
    next = [];
    for (const pc of current) {
      const ins = program[pc]!;
      if (ins.op === 'char' && ins.test(c, segmentStart)) add(next, pc + 1, at + 1);
    }
    current = next;
  }
  return current.some((pc) => program[pc]!.op === 'match');
}

/** Matches a path against several globs: true when any matches. */
export function globsMatcher(globs: readonly string[]): GlobMatcher {
  const matchers = globs.map(compileGlob);
  return (path) => matchers.some((m) => m(path));
}
