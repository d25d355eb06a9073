/**
 * Checks every incoming message's parameters before a handler sees them, so that no message
 * can kill the server. guardConnection wraps the connection the server registers its handlers
 * on: a request with parameters of the wrong shape is answered with an InvalidParams error; a
 * notification with them is ignored with a log line; a change whose version is not newer than
 * the server's copy is ignored with a log line (versions only increase, so applying it would
 * make the server's text and the editor's differ). A handler that throws or rejects on a
 * notification is logged, never left as an unhandled rejection.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

type Check = (params: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUint = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1;
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1;

function field(p: unknown, key: string): unknown {
  return isObject(p) ? p[key] : undefined;
}

function position(p: unknown, name: string): string | undefined {
  return isObject(p) && isUint(p.line) && isUint(p.character) ? undefined : `${name} must be { line, character } with whole numbers`;
}

function range(p: unknown, name: string): string | undefined {
  return isObject(p) ? (position(p.start, `${name}.start`) ?? position(p.end, `${name}.end`)) : `${name} must be a range`;
}

function uri(p: unknown, name = 'textDocument.uri'): string | undefined {
  return typeof p === 'string' && p.length > 0 ? undefined : `${name} must be a non-empty string`;
}

const docUri: Check = (p) => uri(field(field(p, 'textDocument'), 'uri'));
const docAndPosition: Check = (p) => docUri(p) ?? position(field(p, 'position'), 'position');

/** What each method's parameters must look like (only what the server reads). */
const CHECKS: Record<string, Check> = {
  'textDocument/didOpen': (p) => {
    const d = field(p, 'textDocument');
    if (!isObject(d)) return 'textDocument must be an object';
    return uri(d.uri) ?? (typeof d.languageId !== 'string' ? 'textDocument.languageId must be a string' : undefined) ?? (!isInt(d.version) ? 'textDocument.version must be a whole number' : undefined) ?? (typeof d.text !== 'string' ? 'textDocument.text must be a string' : undefined);
  },
  'textDocument/didChange': (p) => {
    const d = field(p, 'textDocument');
    const changes = field(p, 'contentChanges');
    if (!isObject(d)) return 'textDocument must be an object';
    if (uri(d.uri) !== undefined || !isInt(d.version)) return 'textDocument must have a uri and a whole-number version';
    if (!Array.isArray(changes)) return 'contentChanges must be an array';
    for (const c of changes) {
      if (!isObject(c) || typeof c.text !== 'string') return 'each content change must have a text string';
      if (c.range !== undefined && range(c.range, 'range') !== undefined) return 'a content change range must be a range';
    }
    return undefined;
  },
  'textDocument/didClose': docUri,
  'textDocument/didSave': docUri,
  'textDocument/willSave': docUri,
  'textDocument/hover': docAndPosition,
  'textDocument/completion': docAndPosition,
  'textDocument/codeLens': docUri,
  'textDocument/codeAction': (p) => {
    const context = field(p, 'context');
    const only = field(context, 'only');
    const diagnostics = field(context, 'diagnostics');
    return (
      docUri(p) ??
      range(field(p, 'range'), 'range') ??
      (!isObject(context) || !Array.isArray(diagnostics) ? 'context.diagnostics must be an array' : undefined) ??
      ((diagnostics as unknown[]).some((d) => !isObject(d) || range(d.range, 'diagnostic.range') !== undefined) ? 'each diagnostic must have a range' : undefined) ??
      (only !== undefined && (!Array.isArray(only) || only.some((k) => typeof k !== 'string')) ? 'context.only must be an array of strings' : undefined)
    );
  },
  'workspace/executeCommand': (p) => (typeof field(p, 'command') !== 'string' ? 'command must be a string' : field(p, 'arguments') !== undefined && !Array.isArray(field(p, 'arguments')) ? 'arguments must be an array' : undefined),
  'workspace/didChangeConfiguration': (p) => (isObject(p) ? undefined : 'params must be an object'),
  'workspace/didChangeWatchedFiles': (p) => {
    const changes = field(p, 'changes');
    return Array.isArray(changes) && changes.every((c) => isObject(c) && uri(c.uri) === undefined && isInt(c.type)) ? undefined : 'changes must be an array of { uri, type }';
  },
  'workspace/didChangeWorkspaceFolders': (p) => (isObject(field(p, 'event')) ? undefined : 'event must be an object'),
  'jfp/coverage': (p) => uri(field(p, 'uri'), 'uri'),
};

/** The connection methods that register a handler, with the LSP method each one handles (undefined: named by the first argument). */
const REGISTRARS: Record<string, { method: string | undefined; request: boolean }> = {
  onDidOpenTextDocument: { method: 'textDocument/didOpen', request: false },
  onDidChangeTextDocument: { method: 'textDocument/didChange', request: false },
  onDidCloseTextDocument: { method: 'textDocument/didClose', request: false },
  onDidSaveTextDocument: { method: 'textDocument/didSave', request: false },
  onWillSaveTextDocument: { method: 'textDocument/willSave', request: false },
  onWillSaveTextDocumentWaitUntil: { method: 'textDocument/willSaveWaitUntil', request: true },
  onHover: { method: 'textDocument/hover', request: true },
  onCompletion: { method: 'textDocument/completion', request: true },
  onCodeAction: { method: 'textDocument/codeAction', request: true },
  onCodeLens: { method: 'textDocument/codeLens', request: true },
  onExecuteCommand: { method: 'workspace/executeCommand', request: true },
  onDidChangeConfiguration: { method: 'workspace/didChangeConfiguration', request: false },
  onDidChangeWatchedFiles: { method: 'workspace/didChangeWatchedFiles', request: false },
  onRequest: { method: undefined, request: true },
  onNotification: { method: undefined, request: false },
};

/** What the guard needs to know about the documents the server holds. */
export interface VersionSource {
  get(uri: string): { version: number } | undefined;
}

/** Why a message must not be handled, or undefined when it may be. Exported for the unit tests. */
export function rejectReason(method: string, params: unknown, documents: VersionSource): string | undefined {
  const problem = CHECKS[method]?.(params);
  if (problem !== undefined) return problem;
  if (method === 'textDocument/didChange') {
    const d = field(params, 'textDocument') as { uri: string; version: number };
    const held = documents.get(d.uri);
    if (!held) return `${d.uri} is not open`;
    if (d.version <= held.version) return `version ${d.version} of ${d.uri} is not newer than version ${held.version}, which the server holds (versions only increase)`;
  }
  if (method === 'textDocument/didOpen') {
    const d = field(params, 'textDocument') as { uri: string };
    if (documents.get(d.uri)) return `${d.uri} is already open`;
  }
  return undefined;
}

function methodOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === 'string') return first;
  const method = field(first, 'method');
  return typeof method === 'string' ? method : undefined;
}

/** The connection, with every handler registered through it guarded (see the file comment). */
export function guardConnection(connection: Connection, documents: VersionSource): Connection {
  const log = (message: string) => connection.console.warn(`jfp-assist ignored a message: ${message}`);
  const wrap = (method: string | undefined, request: boolean, handler: (...a: unknown[]) => unknown) =>
    function guarded(this: unknown, ...a: unknown[]): unknown {
      const reason = method === undefined ? undefined : rejectReason(method, a[0], documents);
      if (reason !== undefined) {
        if (request) throw new ResponseError(ErrorCodes.InvalidParams, `Invalid parameters for ${method}: ${reason}`);
        log(`${method}: ${reason}`);
        return undefined;
      }
      if (request) return handler.apply(this, a);
      try {
        const result = handler.apply(this, a);
        if (result instanceof Promise) return result.catch((e: unknown) => log(`${method ?? 'a notification'} failed: ${e instanceof Error ? e.message : String(e)}`));
        return result;
      } catch (e) {
        log(`${method ?? 'a notification'} failed: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    };
  return new Proxy(connection, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      const registrar = typeof key === 'string' ? REGISTRARS[key] : undefined;
      if (!registrar || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        const last = args.length - 1;
        const handler = args[last];
        if (typeof handler !== 'function') return (value as (...a: unknown[]) => unknown).apply(target, args);
        const method = registrar.method ?? methodOf(args);
        const guarded = wrap(method, registrar.request, handler as (...a: unknown[]) => unknown);
        return (value as (...a: unknown[]) => unknown).apply(target, [...args.slice(0, last), guarded]);
      };
    },
  });
}
