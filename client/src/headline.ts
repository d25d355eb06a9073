/**
 * The plan's name and coverage figure as the sidebar and the status bar show them. Pure (no
 * VS Code), so that it can be tested on its own; `t` is the translation function.
 */
import { COUNTING_NOTE_MESSAGE, COVERAGE_FIGURE_MESSAGE } from '../../shared/coverage.js';
import type { CoverageResult } from '../../shared/protocol.js';

export type Translate = (message: string, ...args: (string | number)[]) => string;

export interface Headline {
  /** "Wessex Vale JFP" */
  name: string;
  /** "wessex-vale-joint-forward-plan.md" */
  file: string;
  /** "22/27 covered · 81%" */
  figure: string;
  /** How the percentage is counted. */
  counting: string;
  /** The sidebar's header: which plan, and its figure. */
  header: string;
  /** The status bar text. */
  status: string;
  /** The status bar tooltip (plain text lines). */
  tooltip: string;
}

/** The last path segment of a URI, decoded. */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function headline(result: CoverageResult, t: Translate): Headline | undefined {
  if (!result.isPlan) return undefined;
  const { summary } = result;
  const percent = Math.round(result.percent);
  const name = result.plan?.title || t('Joint Forward Plan');
  const file = result.plan ? fileName(result.plan.uri) : '';
  const figure = t(COVERAGE_FIGURE_MESSAGE, summary.addressed + summary.waived, summary.total, percent);
  const counting = t(COUNTING_NOTE_MESSAGE);
  const detail = t('{0} addressed, {1} partly covered, {2} missing, {3} waived', summary.addressed, summary.partial, summary.missing, summary.waived);
  return {
    name,
    file,
    figure,
    counting,
    header: `${name}${file ? ` (${file})` : ''} · ${figure}`,
    status: t('JFP {0}%', percent),
    tooltip: [`${name}${file ? ` (${file})` : ''}`, `${figure}: ${detail}.`, counting, t('Click to show the Plan coverage view.')].join('\n'),
  };
}
