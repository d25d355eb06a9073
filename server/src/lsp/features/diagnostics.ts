import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../../analysis/types.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where each code's documentation lives; set by the server from its install location. */
let docsBase = '';

export function setDocsBase(base: string): void {
  docsBase = base.endsWith('/') ? base : base + '/';
}

export function docsLink(code: string): string {
  return `${docsBase}${code}.md`;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    ...(docsBase ? { codeDescription: { href: docsLink(finding.code) } } : {}),
    source: 'jfp',
    message: finding.message,
    data: finding.data ?? {},
  };
}
