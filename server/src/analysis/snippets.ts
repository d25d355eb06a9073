import type { IndexedCatalogue } from './data/catalogue.js';
import { sectionSnippet } from './skeleton.js';

/** The contents of snippets/jfp.code-snippets: one section skeleton per catalogue item. */
export function snippetsFile(catalogue: IndexedCatalogue): string {
  const snippets: Record<string, { prefix: string[]; body: string[]; description: string }> = {};
  for (const item of catalogue.items) {
    snippets[`JFP section: ${item.heading}`] = {
      prefix: [`jfp-${item.id}`, `jfp ${item.heading.toLowerCase()}`],
      body: sectionSnippet(item),
      description: `Section skeleton for "${item.title}" (${item.legalBasis.citation}), with its key elements.`,
    };
  }
  return JSON.stringify(snippets, null, 2) + '\n';
}
