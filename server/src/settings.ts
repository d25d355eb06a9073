import { DEFAULT_PLAN_GLOBS } from './analysis/planFiles.js';
import type { Level, PlanMode } from './analysis/types.js';

/** The `jfp` settings section, as the server uses it. */
export interface Settings {
  files: string[];
  mode: PlanMode;
  rules: Record<string, Level>;
  analysis: { debounceMs: number };
}

export const DEFAULT_SETTINGS: Settings = {
  files: [...DEFAULT_PLAN_GLOBS],
  mode: 'full',
  rules: {},
  analysis: { debounceMs: 150 },
};

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads whatever the client sent, keeping defaults for anything missing or malformed. */
export function normaliseSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files = Array.isArray(s.files) && s.files.every((f) => typeof f === 'string') ? (s.files as string[]) : DEFAULT_SETTINGS.files;
  const mode = s.mode === 'summary' || s.mode === 'full' ? s.mode : DEFAULT_SETTINGS.mode;
  const rules: Record<string, Level> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [code, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[code] = level as Level;
    }
  }
  const analysis = (s.analysis && typeof s.analysis === 'object' ? s.analysis : {}) as Record<string, unknown>;
  const debounce = typeof analysis.debounceMs === 'number' && Number.isFinite(analysis.debounceMs) ? Math.max(0, Math.min(5000, analysis.debounceMs)) : DEFAULT_SETTINGS.analysis.debounceMs;
  return { files, mode, rules, analysis: { debounceMs: debounce } };
}
