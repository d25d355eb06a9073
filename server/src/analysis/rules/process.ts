import type { Rule } from './rule.js';

/** Statutory process rules: the plan period and what the published plan must contain (jfp.plan.*, jfp.process.*). */
export const PROCESS_RULES: readonly Rule[] = [];
