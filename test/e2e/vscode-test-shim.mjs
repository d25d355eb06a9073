#!/usr/bin/env node
/**
 * A stand-in for VS Code's Electron `code` binary, for `@vscode/test-electron`'s `runTests`
 * (and anything else that launches `code --extensionTestsPath=...`) on a machine with no
 * desktop VS Code.
 *
 * It starts code-server (a real VS Code 1.100.3 with its Node extension host) through the
 * shared launcher in out/test/e2e/codeServer.js, opens the workbench in headless Chromium
 * with the extension under development and the test module in the launch payload, prints
 * what the tests log, and exits with the exit code the extension host reports through
 * `window.codeAutomationExit`. Everything it starts is stopped before it exits.
 *
 * Accepted (the forms test-electron passes):
 *   --extensionDevelopmentPath=PATH   (repeatable)
 *   --extensionTestsPath=PATH
 *   --user-data-dir=PATH  --extensions-dir=PATH
 *   FOLDER | FILE.code-workspace       (the first one is opened)
 * Every other flag (--disable-extensions, --no-sandbox, --skip-welcome, ...) is ignored;
 * built-in extensions stay enabled, and the extensions folder starts empty anyway.
 *
 * Environment: VSCODE_TEST_SHIM_TIMEOUT (seconds, default 600) bounds the whole run;
 * VSCODE_TEST_SHIM_SETTINGS (JSON) adds user settings; VSCODE_TEST_SHIM_VERBOSE=1 says more.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER = path.join(ROOT, 'out', 'test', 'e2e', 'codeServer.js');
const TIMEOUT_S = Number(process.env.VSCODE_TEST_SHIM_TIMEOUT ?? 600);
const PREFIX = 'vscode-test-shim:';

/**
 * Settings where code-server's defaults differ from desktop VS Code's, set back to the desktop
 * values so that tests behave as they would under `code`. code-server auto-saves after a delay
 * by default, which would write the tests' unsaved edits to disk.
 */
const DESKTOP_DEFAULTS = { 'files.autoSave': 'off' };

const VERBOSE = Boolean(process.env.VSCODE_TEST_SHIM_VERBOSE);

/**
 * The workbench forwards its own log through codeAutomationLog along with the extension host's
 * console. These lines are expected on every run (connection set-up, the unreachable extension
 * gallery, file watching of virtual documents); they are only shown on failure or when verbose.
 */
const WORKBENCH_NOISE = new RegExp(
  [
    '^Resolv(ing|ed) connection token',
    '^Creating a socket',
    '^Updating additional builtin extensions cache',
    '^\\[Service Worker\\]',
    '^ChatSessionStore:',
    'ENOTFOUND open-vsx\\.org',
    '^CodeExpectedError',
  ].join('|'),
);

/** More user settings from VSCODE_TEST_SHIM_SETTINGS (a JSON object), e.g. '{"jfp.trace.server":"verbose"}'. */
function extraSettings() {
  const raw = process.env.VSCODE_TEST_SHIM_SETTINGS;
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch (e) {
    fail(`VSCODE_TEST_SHIM_SETTINGS is not JSON: ${e.message}`);
  }
}

/** Flags that take their value as the next argument when not written as --flag=value. */
const VALUE_FLAGS = new Set(['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir']);

function parseArgs(argv) {
  const out = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, target: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let name = arg;
    let value;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq >= 0) {
        name = arg.slice(0, eq);
        value = arg.slice(eq + 1);
      } else if (VALUE_FLAGS.has(arg)) {
        value = argv[++i];
      }
      switch (name) {
        case '--extensionDevelopmentPath':
          out.devPaths.push(path.resolve(value));
          break;
        case '--extensionTestsPath':
          out.testsPath = path.resolve(value);
          break;
        case '--user-data-dir':
          out.userDataDir = path.resolve(value);
          break;
        case '--extensions-dir':
          out.extensionsDir = path.resolve(value);
          break;
        default:
          out.ignored.push(arg);
      }
    } else if (out.target === undefined) {
      out.target = path.resolve(arg);
    } else {
      out.ignored.push(arg);
    }
  }
  return out;
}

function fail(message) {
  console.error(`${PREFIX} ${message}`);
  process.exit(1);
}

/** The last lines of the extension host's logs under a user-data folder, for failure reports. */
function extensionHostLogs(userDataDir, maxLines = 80) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  const files = fs
    .readdirSync(logs, { recursive: true })
    .map((f) => path.join(logs, String(f)))
    .filter((f) => /exthost/.test(f) && f.endsWith('.log') && fs.statSync(f).isFile());
  return files
    .map((f) => {
      const lines = fs.readFileSync(f, 'utf8').trimEnd().split('\n');
      return `--- ${path.relative(userDataDir, f)} (last ${Math.min(lines.length, maxLines)} of ${lines.length} lines)\n${lines.slice(-maxLines).join('\n')}`;
    })
    .join('\n');
}

/** Resolves with the result of `promise`, or with `fallback` after `ms`. */
function within(promise, ms, fallback) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath) fail('--extensionTestsPath=<module> is required.');
  if (args.devPaths.length === 0) fail('--extensionDevelopmentPath=<folder> is required.');
  if (!fs.existsSync(args.testsPath)) fail(`the test module ${args.testsPath} does not exist (build it first).`);
  if (args.target && !fs.existsSync(args.target)) fail(`${args.target} does not exist.`);
  if (!fs.existsSync(LAUNCHER)) fail(`${LAUNCHER} is missing: compile the project first (npx tsc -b).`);

  const { startCodeServer, openBrowser, checkInstalled } = await import(pathToFileURL(LAUNCHER).href);
  try {
    checkInstalled();
  } catch (e) {
    fail(e.message);
  }

  const started = Date.now();
  const pageLog = []; // workbench errors, shown only on failure
  const noise = []; // workbench chatter held back from the output, shown only on failure
  let server;
  let browser;
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      // Closing the browser first lets the extension host see its window go; bound each step.
      if (browser) await within(browser.close().catch(() => undefined), 15000);
      if (server) {
        await within(server.stop().catch(() => undefined), 15000);
        // stop() removes its temporary folder; Chromium's crash handler can still be writing there when interrupted early.
        try {
          fs.rmSync(server.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        } catch (e) {
          console.error(`${PREFIX} could not remove ${server.tmp}: ${e.message}`);
        }
      }
    })());

  let finish;
  const outcome = new Promise((resolve) => (finish = resolve));
  const timer = setTimeout(() => finish({ code: 1, reason: `no result from the extension host after ${TIMEOUT_S} s (VSCODE_TEST_SHIM_TIMEOUT)` }), TIMEOUT_S * 1000);
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal) => finish({ code: 130, reason: `interrupted (${signal})` });
  for (const signal of SIGNALS) process.on(signal, onSignal);
  /** playwright-core adds signal handlers that close Chromium and exit at once, before code-server is stopped: keep only ours. */
  const ownSignals = () => {
    for (const signal of SIGNALS) for (const l of process.listeners(signal)) if (l !== onSignal) process.off(signal, l);
  };

  try {
    server = await startCodeServer({ userDataDir: args.userDataDir, extensionsDir: args.extensionsDir, settings: { ...DESKTOP_DEFAULTS, ...extraSettings() } });
    browser = await openBrowser(server);
    ownSignals(); // cleanup() closes the browser
    const { page, context } = browser;
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (!VERBOSE && WORKBENCH_NOISE.test(text)) {
        noise.push(`[${type}] ${text}`);
        return;
      }
      if (type === 'error' || type === 'warn') process.stderr.write(text + '\n');
      else process.stdout.write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: typeof code === 'number' ? code : 1, reason: code === 0 ? undefined : `the extension host exited with ${code}` }));
    page.on('pageerror', (e) => pageLog.push(`[pageerror] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageLog.push(`[console.error] ${m.text()}`);
    });
    page.on('crash', () => finish({ code: 1, reason: 'the workbench page crashed' }));
    context.on('close', () => finish({ code: 1, reason: 'the browser closed before the tests finished' }));

    const payload = [
      ...args.devPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]),
      ['extensionTestsPath', server.remoteUri(args.testsPath)],
    ];
    let url;
    if (args.target?.endsWith('.code-workspace')) {
      url = server.url(ROOT, payload).replace(/\?folder=[^&]*/, `?workspace=${encodeURIComponent(args.target)}`);
    } else if (args.target) {
      url = server.url(args.target, payload);
    } else {
      url = server.url(ROOT, payload).replace(/\?folder=[^&]*&/, '?ew=true&'); // an empty window
    }
    if (args.ignored.length > 0 && VERBOSE) console.log(`${PREFIX} ignoring ${args.ignored.join(' ')}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  } catch (e) {
    finish({ code: 1, reason: `could not start the editor: ${e?.stack ?? e}` });
  }

  const { code, reason } = await outcome;
  clearTimeout(timer);
  if (code !== 0) {
    console.error(`${PREFIX} FAILED: ${reason ?? `exit code ${code}`}`);
    if (server) {
      console.error(`${PREFIX} code-server output:\n${server.log().trimEnd()}`);
      const ext = extensionHostLogs(server.userDataDir);
      if (ext) console.error(`${PREFIX} extension host logs:\n${ext}`);
    }
    if (noise.length > 0) console.error(`${PREFIX} workbench log (held back above):\n${noise.slice(-40).join('\n')}`);
    if (pageLog.length > 0) console.error(`${PREFIX} workbench errors:\n${pageLog.slice(-40).join('\n')}`);
  }
  await cleanup();
  if (VERBOSE) console.log(`${PREFIX} done in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
  process.exit(code);
}

main().catch((e) => fail(e?.stack ?? String(e)));
