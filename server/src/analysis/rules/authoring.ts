import type { Rule } from './rule.js';

/** Acronyms, outdated terms and glossary rules (jfp.acronym.*, jfp.term.*). */
export const AUTHORING_RULES: readonly Rule[] = [];
