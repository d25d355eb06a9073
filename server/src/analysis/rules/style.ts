import type { Rule } from './rule.js';

/** Plain-English rules (jfp.style.*). */
export const STYLE_RULES: readonly Rule[] = [];
