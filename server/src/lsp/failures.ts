/**
 * Failures contained at the edge: an exception in the analysis of a document becomes one
 * `jfp.internal` diagnostic on it and a logged stack, never a dead server; anything thrown
 * outside a request or the pipeline is logged through the connection. See docs/reliability.md.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver';
import type { Level } from '../analysis/types.js';
import { toDiagnostic } from './features/diagnostics.js';
import type { PlanWorkspace } from './workspace.js';

/** A readable account of anything thrown: its stack when it has one. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

/** The failure's diagnostic at the level the document's configuration sets (if the configuration itself can be read). */
export function failureDiagnostic(workspace: PlanWorkspace, uri: string, e: unknown): Diagnostic | null {
  let level: Level | undefined;
  try {
    level = workspace.configFor(uri).config.rules['jfp.internal'];
  } catch {
    level = undefined;
  }
  return internalDiagnostic(uri, e, level);
}

/** The one diagnostic shown on a document whose analysis failed (null when the level is "off"). */
export function internalDiagnostic(uri: string, e: unknown, level: Level | undefined): Diagnostic | null {
  if (level === 'off') return null;
  const message = e instanceof Error ? e.message : String(e);
  return toDiagnostic({
    uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: level ?? 'information',
    code: 'jfp.internal',
    message: l10n.t('jfp-assist could not check this document: {0}. The error is in the output log; please report it.', message),
    data: {},
  });
}

/** Logs what nothing else caught (Node: process events; a web worker: its global error events). */
export function logUncaught(log: (message: string) => void): void {
  const proc = (globalThis as { process?: { on(event: string, listener: (e: unknown) => void): void } }).process;
  if (proc?.on) {
    proc.on('uncaughtException', (e) => log(`Uncaught exception: ${describeError(e)}`));
    proc.on('unhandledRejection', (e) => log(`Unhandled rejection: ${describeError(e)}`));
    return;
  }
  const scope = globalThis as { addEventListener?(type: string, listener: (event: { error?: unknown; reason?: unknown; preventDefault(): void }) => void): void };
  scope.addEventListener?.('error', (event) => {
    event.preventDefault();
    log(`Uncaught exception: ${describeError(event.error)}`);
  });
  scope.addEventListener?.('unhandledrejection', (event) => {
    event.preventDefault();
    log(`Unhandled rejection: ${describeError(event.reason)}`);
  });
}

/**
 * TEST ONLY (see test/lsp/failures.test.ts): makes the analysis of any document whose text
 * contains `marker` throw, so that tests can check that a failure is contained. Set by
 * main.ts from the JFP_TEST_THROW_ON environment variable; never set in normal use.
 */
export function injectFailure(workspace: PlanWorkspace, marker: string): void {
  // Every analysis of a version goes through updateSteps (update() runs it straight through).
  const updateSteps = workspace.updateSteps.bind(workspace);
  workspace.updateSteps = (uri, version, text) => {
    if (text.includes(marker)) throw new Error(`test failure injected for text containing "${marker}"`);
    return updateSteps(uri, version, text);
  };
}
