/**
 * Starts a real VS Code (code-server 4.100.3: VS Code 1.100.3 with its Node extension host)
 * on a loopback port, with every file it writes kept in a temporary folder, and opens it
 * in Debian's Chromium through playwright-core. Shared by the extension-host runner and
 * the UI tests. Nothing here downloads anything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CODE_SERVER = process.env.CODE_SERVER ?? path.join(ROOT, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface CodeServerOptions {
  /** Extra user settings (merged over quiet defaults). */
  settings?: Record<string, unknown>;
  /** Folder to use for user data; a fresh temporary one by default. */
  userDataDir?: string;
  extensionsDir?: string;
  /** Keep the temporary folder after stop() (for debugging). */
  keep?: boolean;
}

export interface CodeServer {
  port: number;
  /** The remote authority VS Code uses in vscode-remote:// URIs. */
  authority: string;
  tmp: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
  /** Everything code-server printed, for failure reports. */
  log: () => string;
  /** The workbench URL for a folder, with optional launch payload (e.g. extensionDevelopmentPath). */
  url(folder: string, payload?: [string, string][]): string;
  /** A vscode-remote:// URI for a path on this machine. */
  remoteUri(p: string): string;
  stop(): Promise<void>;
}

export function checkInstalled(): void {
  const missing = [CODE_SERVER, CHROMIUM].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`Real-editor tests need ${missing.join(' and ')}. Run \`npm run setup:e2e\` (test/e2e/install.sh) first.`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Environment that keeps code-server's and Chromium's files inside tmp. */
export function isolatedEnv(tmp: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    VSCODE_CLI: '1',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    TMPDIR: tmp,
  };
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  checkInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-e2e-'));
  const userDataDir = options.userDataDir ?? path.join(tmp, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'editor.hover.delay': 100,
    'files.hotExit': 'off',
    // code-server saves after a delay by default; tests must never write the fixtures.
    'files.autoSave': 'off',
    'workbench.tips.enabled': false,
    'git.enabled': false,
    ...options.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const env = isolatedEnv(tmp);
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  const child: ChildProcess = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/HTTP server listening on/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${output}`)));
  });
  const authority = `127.0.0.1:${port}`;
  const remoteUri = (p: string) => `vscode-remote://${authority}${path.resolve(p)}`;
  return {
    port,
    authority,
    tmp,
    userDataDir,
    extensionsDir,
    env,
    log: () => output,
    remoteUri,
    url(folder, payload) {
      let url = `http://${authority}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload && payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM'); // the whole group: server, watcher, extension host, language server
        } catch {
          // already gone
        }
        await exited;
      }
      if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile inside the code-server's tmp folder. */
export async function openBrowser(server: CodeServer, viewport = { width: 1400, height: 900 }): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(server.tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env: server.env as Record<string, string>,
    // The caller ends the browser and code-server together; Playwright must not exit on a signal first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}
