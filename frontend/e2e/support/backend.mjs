// Starts a real Portico backend for the e2e run: fresh DATA_DIR, migrate, seed-demo, serve, wait for /healthz.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, createWriteStream, existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const frontendRoot = resolve(import.meta.dirname, '..', '..');
export const artifacts = join(frontendRoot, 'e2e', '.artifacts');

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export function tail(file, lines = 60) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * Returns { baseUrl, stop, logFile }. With E2E_BASE_URL set, uses that server instead (no start/stop).
 */
export async function startBackend() {
  mkdirSync(artifacts, { recursive: true });
  if (process.env.E2E_BASE_URL) {
    return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {}, logFile: null };
  }
  if (!existsSync(join(frontendRoot, 'dist', 'index.html'))) {
    throw new Error('frontend/dist is missing: run `npm run build` (npm run e2e builds first).');
  }
  const portico = join(repoRoot, '.venv', 'bin', 'portico');
  if (!existsSync(portico)) throw new Error(`backend CLI not found at ${portico} (create the venv and install the backend first)`);
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-e2e-'));
  const env = { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: baseUrl, PORTICO_ENV: 'development' };
  const logFile = join(artifacts, 'backend.log');
  const log = createWriteStream(logFile);
  for (const cmd of ['migrate', 'seed-demo']) {
    try {
      const { stdout, stderr } = await run(portico, [cmd], { cwd: repoRoot, env, timeout: 120_000 });
      log.write(`$ portico ${cmd}\n${stdout}${stderr}\n`);
    } catch (e) {
      throw new Error(`\`portico ${cmd}\` failed (exit ${e.code}):\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
  const child = spawn(portico, ['serve', '--host', '127.0.0.1', '--port', String(port)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`backend exited with ${exited} before it was ready. Log tail:\n${tail(logFile)}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGTERM'); throw new Error(`backend not ready after 60 s. Log tail:\n${tail(logFile)}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    logFile,
    // The backend's environment (DATA_DIR...): for a spec that runs another Portico process on the same data.
    env,
    stop: async () => {
      if (exited === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.on('exit', () => { clearTimeout(t); r(); }); });
      }
      log.end();
      if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
