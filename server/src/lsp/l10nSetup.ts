/**
 * Loads the translations the client passes at start-up (VS Code's `vscode.l10n.bundle` for the
 * display language), so that the server's messages follow the editor's language. Without a bundle,
 * or with a malformed one, messages stay in English: translation must never stop the server.
 */
import * as l10n from '@vscode/l10n';

export function loadTranslations(bundle: unknown): boolean {
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) return false;
  const entries = Object.entries(bundle as Record<string, unknown>);
  if (!entries.every(([, v]) => typeof v === 'string' || (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string'))) return false;
  try {
    l10n.config({ contents: bundle as l10n.l10nJsonFormat });
    return true;
  } catch {
    return false;
  }
}
