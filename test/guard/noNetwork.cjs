/*
 * Test-only preload (`node --require test/guard/noNetwork.cjs ...`): any use of the network,
 * child processes or file writing is recorded and fails with an error. File reads are
 * recorded too (path and bytes), so tests can check what the server reads. At exit the
 * record is printed on stderr as one line starting with "JFP_GUARD ".
 * Plain CommonJS so it loads before the bundles without a build step.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with node --require */
const fs = require('node:fs');
const writeSync = fs.writeSync;
const violations = [];
const reads = {};
const fdPaths = new Map();

function violate(what) {
  violations.push(what);
  const error = new Error(`jfp guard: ${what} is not allowed`);
  error.code = 'EJFPGUARD';
  throw error;
}

function block(mod, name, label) {
  if (typeof mod[name] !== 'function') return;
  mod[name] = function blocked() {
    violate(`${label}.${name}`);
  };
}

const net = require('node:net');
for (const n of ['connect', 'createConnection', 'createServer']) block(net, n, 'net');
const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  violate('net.Socket.connect');
  return socketConnect.apply(this, args);
};
net.Server.prototype.listen = function listen() {
  violate('net.Server.listen');
};
const tls = require('node:tls');
for (const n of ['connect', 'createServer']) block(tls, n, 'tls');
for (const m of ['http', 'https', 'http2']) {
  const mod = require(`node:${m}`);
  for (const n of ['request', 'get', 'createServer', 'connect', 'createSecureServer']) block(mod, n, m);
}
const dns = require('node:dns');
for (const n of Object.keys(dns)) if (/^(lookup|resolve)/.test(n)) block(dns, n, 'dns');
for (const n of Object.keys(dns.promises)) if (/^(lookup|resolve)/.test(n)) block(dns.promises, n, 'dns.promises');
block(require('node:dgram'), 'createSocket', 'dgram');
const cp = require('node:child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) block(cp, n, 'child_process');
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => violate('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = function WebSocket() { violate('WebSocket'); };

const writers = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'truncate', 'truncateSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync'];
for (const n of writers) block(fs, n, 'fs');
for (const n of writers) block(fs.promises, n, 'fs.promises');

const writing = (flags) => typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
const openSync = fs.openSync;
fs.openSync = function guardedOpenSync(file, flags, ...rest) {
  if (writing(flags)) violate(`fs.openSync(${String(file)}, ${String(flags)})`);
  const fd = openSync.call(fs, file, flags, ...rest);
  fdPaths.set(fd, String(file));
  return fd;
};
const open = fs.open;
fs.open = function guardedOpen(file, flags, ...rest) {
  if (writing(typeof flags === 'function' ? 'r' : flags)) violate(`fs.open(${String(file)}, ${String(flags)})`);
  return open.call(fs, file, flags, ...rest);
};
const fsPromisesOpen = fs.promises.open;
fs.promises.open = function guardedPromisesOpen(file, flags, ...rest) {
  if (writing(flags)) violate(`fs.promises.open(${String(file)}, ${String(flags)})`);
  return fsPromisesOpen.call(fs.promises, file, flags, ...rest).then((handle) => {
    const read = handle.read;
    handle.read = async function guardedHandleRead(...args) {
      const result = await read.apply(handle, args);
      record(file, result.bytesRead);
      return result;
    };
    return handle;
  });
};
const fsPromisesReadFile = fs.promises.readFile;
fs.promises.readFile = async function guardedPromisesReadFile(file, ...rest) {
  const out = await fsPromisesReadFile.call(fs.promises, file, ...rest);
  if (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) record(file, typeof out === 'string' ? Buffer.byteLength(out) : out.length);
  return out;
};
fs.writeSync = function guardedWriteSync(fd, ...rest) {
  if (fd !== 1 && fd !== 2) violate(`fs.writeSync(${fd})`);
  return writeSync.call(fs, fd, ...rest);
};
const write = fs.write;
fs.write = function guardedWrite(fd, ...rest) {
  if (fd !== 1 && fd !== 2) violate(`fs.write(${fd})`);
  return write.call(fs, fd, ...rest);
};

const record = (file, bytes) => {
  const key = String(file);
  reads[key] = (reads[key] ?? 0) + bytes;
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function guardedReadFileSync(file, ...rest) {
  const out = readFileSync.call(fs, file, ...rest);
  if (typeof file !== 'number') record(file, typeof out === 'string' ? Buffer.byteLength(out) : out.length);
  return out;
};
const readSync = fs.readSync;
fs.readSync = function guardedReadSync(fd, ...rest) {
  const n = readSync.call(fs, fd, ...rest);
  if (fdPaths.has(fd)) record(fdPaths.get(fd), n);
  return n;
};
const closeSync = fs.closeSync;
fs.closeSync = function guardedCloseSync(fd) {
  fdPaths.delete(fd);
  return closeSync.call(fs, fd);
};

process.on('exit', () => {
  writeSync.call(fs, 2, `\nJFP_GUARD ${JSON.stringify({ violations, reads })}\n`);
});
