/**
 * Generators of adversarial Markdown: each takes a size n and returns a text whose length
 * grows linearly with n (so work measured at n and 8n must grow about 8-fold). They follow
 * the classes of issue 14: nesting, repetition, unclosed constructs, long lines and
 * paragraphs, many keys, many headings. Deterministic; `mix` is seeded.
 */
export const PLAN_HEAD = '---\nplan: joint-forward-plan\ntitle: Hostile plan\n---\n\n# Hostile plan\n\n';

export type Generator = (n: number) => string;

/** A small seeded random number generator (mulberry32), so generated texts are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORDINARY = [
  '## Integration\n\nWe will work with the health and wellbeing board and our partner trusts on integration, so that people get joined-up care.\n\n',
  '## Workforce\n\n- Recruit and retain staff in primary care.\n- Train the ICB workforce in [quality improvement](https://example.org/qi).\n\n',
  '### Health inequalities\n\nThe JSNA shows *where* outcomes differ; we will **reduce** the gap. See <!-- jfp: duty-inequalities --> the plan.\n\n',
];

/** Text of about n * 40 characters: Markdown a plan might hold. */
export const ordinary: Generator = (n) => {
  let out = '';
  for (let i = 0; out.length < n * 40; i++) out += ORDINARY[i % ORDINARY.length];
  return out;
};

/** Every hostile shape, by name. Each is appended to PLAN_HEAD by the tests. */
export const HOSTILE: Record<string, Generator> = {
  'nested block quotes on one line': (n) => '> '.repeat(n * 8) + 'integration\n',
  'nested block quotes, one per line': (n) => ('>'.repeat(100) + ' text\n').repeat(n),
  'nested list markers': (n) => '- '.repeat(n * 8) + 'integration\n',
  'nested lists by indentation': (n) => Array.from({ length: n * 2 }, (_, i) => ' '.repeat(2 * (i % 40)) + '- item').join('\n') + '\n',
  'mixed quotes and ordered lists': (n) => '> 1. '.repeat(n * 3) + 'text\n',
  'nested emphasis': (n) => '**a '.repeat(n * 2) + 'b**'.repeat(n * 2) + '\n',
  'emphasis runs': (n) => '*a _b ~c '.repeat(n * 2) + '\n',
  'nested link text': (n) => '['.repeat(n * 4) + 'text' + '](x)'.repeat(n * 4) + '\n',
  'unclosed link brackets': (n) => '[a]('.repeat(n * 4) + '\n',
  'nested image syntax': (n) => '!['.repeat(n * 4) + 'a' + '](b)'.repeat(n * 4) + '\n',
  'long run of links': (n) => '[integration](https://example.org/a_b) '.repeat(n) + '\n',
  'footnote references': (n) => '[^a]'.repeat(n * 4) + '\n',
  'unclosed HTML comments, inline': (n) => 'a <!-- '.repeat(n * 4) + '\n',
  'unclosed HTML comments, one per line': (n) => '<!-- jfp: duty-x\n'.repeat(n * 2),
  'code span runs': (n) => '`a'.repeat(n * 8) + '\n',
  'one long paragraph': (n) => 'The integrated care board will reduce health inequalities with partners. '.repeat(n) + '\n',
  'one long line of words': (n) => 'word '.repeat(n * 16),
  'headings that skip levels': (n) => Array.from({ length: n }, (_, i) => `${'#'.repeat(1 + ((i * 5) % 6))} Heading ${i}\n\ntext\n`).join('\n'),
  'many headings': (n) => Array.from({ length: n * 2 }, (_, i) => `## Integration ${i}\n`).join(''),
  'tables with many columns': (n) => '|a'.repeat(n * 2) + '|\n' + '|-'.repeat(n * 2) + '|\n' + '|x'.repeat(n * 2) + '|\n',
  'unclosed fences': (n) => '```\n# not a heading\n'.repeat(n * 2),
  'long link reference definitions': (n) => '[a]: <'.repeat(n * 4) + '\n',
  'autolink literals': (n) => 'www.a'.repeat(n * 6) + '\n',
  'jfp comments': (n) => '<!-- jfp: duty-integration duty-quality no-such -->\n'.repeat(n),
  'acronyms and outdated terms': (n) => 'The CCG and the ICB and the PCN and the STP. '.repeat(n) + '\n',
  'many catalogue terms in one section': (n) => 'Health inequalities, integration, workforce, safeguarding, carers, research and climate change. '.repeat(n * 8) + '\n',
};

/** Front matter with many keys (replaces PLAN_HEAD). */
export const frontMatterKeys: Generator = (n) => '---\nplan: joint-forward-plan\n' + Array.from({ length: n * 6 }, (_, i) => `key${i}: value ${i}`).join('\n') + '\n---\n\n# Plan\n\nText.\n';

/** A seeded mixture of eight hostile shapes and ordinary text. */
export function mix(seed: number): Generator {
  return (n) => {
    const random = seeded(seed);
    const names = Object.keys(HOSTILE);
    let out = '';
    for (let i = 0; i < 8; i++) {
      const g = HOSTILE[names[Math.floor(random() * names.length)]!]!;
      out += g(Math.ceil(n / 4)) + '\n' + ordinary(Math.ceil(n / 4)) + '\n';
    }
    return out;
  };
}

/** Hostile .jfp.json texts, by name: each grows linearly with n. */
export const CONFIGS: Record<string, Generator> = {
  'many plan globs': (n) => JSON.stringify({ files: Array.from({ length: n * 4 }, (_, i) => `**/plans-${i}/**/*forward-plan*.md`) }),
  'many unknown rule codes': (n) => JSON.stringify({ rules: Object.fromEntries(Array.from({ length: n * 4 }, (_, i) => [`jfp.unknown-${'abcdefghij'[i % 10]}${'x'.repeat(i % 5)}-${i.toString(36).replace(/\d/g, 'q')}`, 'off'])) }),
  'many unknown settings': (n) => JSON.stringify(Object.fromEntries(Array.from({ length: n * 4 }, (_, i) => [`setting${i}`, i]))),
  'many values of the wrong type': (n) => JSON.stringify({ files: Array.from({ length: n * 8 }, (_, i) => i), healthAndWellbeingBoards: Array.from({ length: n * 8 }, () => ({})) }),
  'nesting just under the limit, repeated': (n) => '{"files": [' + Array.from({ length: n }, () => '['.repeat(30) + ']'.repeat(30)).join(',') + ']}',
  'nesting over the limit': (n) => '['.repeat(n * 16) + ']'.repeat(n * 16),
  'long strings and comments': (n) => `// ${'['.repeat(n * 8)}\n{ /* ${'{'.repeat(n * 8)} */ "files": ["${'*a'.repeat(n * 4)}"] }`,
  'many organisations': (n) => JSON.stringify({ organisations: Array.from({ length: n }, (_, i) => ({ from: `2026-0${1 + (i % 9)}-01`, partnerTrusts: ['A Trust', 'B Trust'], healthAndWellbeingBoards: ['Board'] })) }),
};

/** Hostile globs and paths, by name, as "pattern\npath": one of the two grows linearly with n. */
export const GLOBS: Record<string, Generator> = {
  'stars and a near miss, the pattern growing': (n) => '*a'.repeat(n) + 'b\n' + 'a'.repeat(24),
  'stars and a near miss, the path growing': (n) => '*a'.repeat(16) + 'b\n' + 'a'.repeat(n * 8),
  'globstar folders, the pattern growing': (n) => '**/a'.repeat(n) + '/*.md\n' + 'a/'.repeat(32) + 'x.txt',
  'globstar folders, the path growing': (n) => '**/a/**/a/**/*.md\n' + 'a/'.repeat(n * 4) + 'x.txt',
  'nested alternatives': (n) => '{a,{a,b}}'.repeat(n) + 'c\n' + 'a'.repeat(64),
  'character classes': (n) => '[a-z]*'.repeat(n) + '!\n' + 'ab'.repeat(32),
};
