/**
 * Deterministic generator of realistic Joint Forward Plans for the benchmark: front matter,
 * four heading levels, prose with NHS vocabulary and the catalogue's signal terms, lists,
 * tables, links, a fenced block and jfp comments. Same seed and size, same text, always.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a small seeded PRNG, good enough for varied text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = (
  'patients residents people communities neighbourhoods services care teams staff partners council trust hospital practice pharmacy ' +
  'waiting lists appointments referrals discharge admissions outcomes inequalities prevention access quality safety workforce ' +
  'funding budget investment estates digital records data shared planning delivery improvement review progress priorities ' +
  'will improve reduce increase support work together deliver measure report agree publish develop expand protect'
).split(' ');
const NHS = [
  'integrated care board', 'primary care networks', 'urgent and emergency care', 'elective recovery', 'mental health services',
  'community services', 'virtual wards', 'Health and Wellbeing Board', 'joint strategic needs assessment', 'Core20PLUS5',
  'population health management', 'voluntary, community and social enterprise', 'NHS England', 'the ICB', 'ICS', 'GP practices',
];
const HEADINGS = [
  'Our population', 'Health services we will arrange', 'Reducing inequalities', 'Children and young people', 'Mental health',
  'Urgent and emergency care', 'Primary care', 'Workforce', 'Digital and data', 'Finance', 'Estates', 'Research and innovation',
  'Climate change and sustainability', 'Safeguarding', 'Public involvement', 'Delivering the integrated care strategy',
  'Victims of abuse', 'Quality improvement', 'Prevention', 'Place partnerships',
];

function signalTerms() {
  const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'catalogues', 'jfp.json'), 'utf8'));
  const terms = [];
  for (const item of catalogue.items) for (const t of item.signalTerms ?? []) terms.push(typeof t === 'string' ? t : (t.term ?? t.phrase ?? String(t)));
  return terms.filter((t) => typeof t === 'string' && t.length > 0);
}

/**
 * A plan of about `bytes` characters. With `notes`, as plans converted from Word are: about
 * 40 footnotes per 200 KB (each section's calls defined at its end) and reference-style links
 * whose definitions sit at the end of the document.
 */
export function generatePlan(bytes, seed = 42, notes = false) {
  const rnd = prng(seed);
  let footnote = 0;
  let calls = [];
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const terms = signalTerms();
  const word = () => (rnd() < 0.06 ? pick(terms) : rnd() < 0.06 ? pick(NHS) : pick(VOCAB));
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 18);
    const words = [];
    for (let i = 0; i < n; i++) words.push(word());
    if (rnd() < 0.1) words.splice(3, 0, `[${pick(VOCAB)} ${pick(VOCAB)}](https://example.nhs.uk/${pick(VOCAB)})`);
    if (rnd() < 0.05) words.splice(2, 0, `**${pick(NHS)}**`);
    if (notes && rnd() < 0.025) words.splice(4, 0, `[${pick(VOCAB)}][ref-${Math.floor(rnd() * 20)}]`);
    if (notes && rnd() < 0.04) {
      calls.push(++footnote);
      words.push(`[^${footnote}]`);
    }
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, sentence).join(' ');
  const parts = [
    '---\nplan: joint-forward-plan\ntitle: NHS Benchmark Vale Joint Forward Plan 2026/27 to 2030/31\nicb: NHS Benchmark Vale Integrated Care Board\nperiod: 2026/27 to 2030/31\n---\n',
    '# NHS Benchmark Vale Joint Forward Plan 2026/27 to 2030/31\n',
    paragraph() + '\n',
  ];
  let size = parts.join('\n').length;
  let n = 0;
  while (size < bytes) {
    const depth = n % 7 === 0 ? 2 : 3 + Math.floor(rnd() * 2);
    const block = [];
    block.push(`${'#'.repeat(depth)} ${pick(HEADINGS)}${n % 3 === 0 ? '' : ` ${n}`}`);
    if (rnd() < 0.1) block.push(`<!-- jfp: maps-to ${pick(['req-health-services', 'duty-reduce-inequalities', 'duty-children'])} -->`);
    for (let p = 0, k = 1 + Math.floor(rnd() * 3); p < k; p++) block.push(paragraph());
    const r = rnd();
    if (r < 0.3) block.push(Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `- ${sentence()}`).join('\n'));
    else if (r < 0.4) block.push(Array.from({ length: 3 }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'));
    else if (r < 0.5) {
      const rows = ['| Measure | 2026/27 | 2030/31 |', '| --- | --- | --- |'];
      for (let i = 0; i < 4; i++) rows.push(`| ${pick(NHS)} ${pick(VOCAB)} | ${Math.floor(rnd() * 100)}% | ${Math.floor(rnd() * 100)}% |`);
      block.push(rows.join('\n'));
    } else if (r < 0.53) block.push('```text\n# not a heading\n' + sentence() + '\n```');
    else if (r < 0.56) block.push(`> ${sentence()}`);
    for (const n of calls) block.push(`[^${n}]: ${sentence()}`);
    calls = [];
    const text = block.join('\n\n') + '\n';
    parts.push(text);
    size += text.length + 1;
    n++;
  }
  if (notes) parts.push(Array.from({ length: 20 }, (_, i) => `[ref-${i}]: https://example.nhs.uk/reference/${i}`).join('\n') + '\n');
  return parts.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const bytes = Number(process.argv[2] ?? 200_000);
  process.stdout.write(generatePlan(bytes, Number(process.argv[3] ?? 42), process.argv[4] === 'notes'));
}
