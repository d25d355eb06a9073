/**
 * How a configuration becomes the options of one plan analysis: the one place where
 * JfpConfig is turned into AnalysisOptions, for the editor's workspace, the CLI and the
 * editor's reports alike. Pure: no files, no editor.
 */
import type { AnalysisOptions } from './analyse.js';
import { editionOverride, type ConfigSource, type JfpConfig } from './data/config.js';

/**
 * The analysis options a configuration asks for; `primary` is the document that carries
 * plan-wide findings; `sources` says where each value came from (for the edition's origin).
 */
export function analysisOptions(config: JfpConfig, primary?: string, sources?: Partial<Record<keyof JfpConfig, ConfigSource>>): AnalysisOptions {
  return {
    edition: editionOverride(config, sources),
    ...(config.organisations.length > 0 ? { organisations: config.organisations } : {}),
    mode: config.mode,
    levels: config.rules,
    ...(primary !== undefined ? { primary } : {}),
    ruleOptions: { healthAndWellbeingBoards: config.healthAndWellbeingBoards, readability: config.readability },
  };
}
