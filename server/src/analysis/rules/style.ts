import type { Rule } from './rule.js';
import { styleHeadingIncrement } from './styleHeadingIncrement.js';
import { styleImageAlt } from './styleImageAlt.js';
import { styleLinkText } from './styleLinkText.js';
import { styleReadability } from './styleReadability.js';
import { styleSentenceLength } from './styleSentenceLength.js';

/** Plain-English rules (jfp.style.*). */
export const STYLE_RULES: readonly Rule[] = [styleSentenceLength, styleReadability, styleLinkText, styleImageAlt, styleHeadingIncrement];
