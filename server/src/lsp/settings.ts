import { checkConfigObject, CONFIG_KEYS, type JfpConfig } from '../analysis/data/config.js';

/**
 * Editor settings (the `jfp` section) as a configuration layer. Invalid values are
 * dropped, so the defaults or the project file apply instead.
 */
export function settingsLayer(raw: unknown): Partial<JfpConfig> {
  if (!raw || typeof raw !== 'object') return {};
  // Keys that are not configuration (e.g. trace) are not part of the layer.
  const picked = Object.fromEntries(CONFIG_KEYS.filter((k) => k in raw).map((k) => [k, (raw as Record<string, unknown>)[k]]));
  return checkConfigObject(picked).config;
}
