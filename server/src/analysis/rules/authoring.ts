import { acronymUndefined } from './acronymUndefined.js';
import type { Rule } from './rule.js';
import { termOutdated } from './termOutdated.js';

/** Acronyms, outdated terms and glossary rules (jfp.acronym.*, jfp.term.*). */
export const AUTHORING_RULES: readonly Rule[] = [acronymUndefined, termOutdated];
