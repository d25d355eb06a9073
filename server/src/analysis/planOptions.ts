/**
 * How a configuration becomes the options of one plan analysis: the one place where
 * JfpConfig is turned into AnalysisOptions, for the editor's workspace, the CLI and the
 * editor's reports alike. Pure: no files, no editor.
 */
import type { AnalysisOptions } from './analyse.js';
import { editionOverride, type ConfigSource, type JfpConfig } from './data/config.js';

/**
 * The analysis options a configuration asks for; `primary` is the document that carries
 * plan-wide findings; `sources` (where each value came from) names where an edition was set.
 */
export function analysisOptions(config: JfpConfig, primary?: string, sources?: Partial<Record<keyof JfpConfig, ConfigSource>>): AnalysisOptions {
  const edition = editionOverride(config, sources);
  return {
    ...(edition ? { edition } : {}),
    ...(config.organisations.length > 0 ? { organisations: config.organisations } : {}),
    mode: config.mode,
    levels: config.rules,
    ...(primary !== undefined ? { primary } : {}),
    ruleOptions: { healthAndWellbeingBoards: config.healthAndWellbeingBoards, readability: config.readability },
  };
}
