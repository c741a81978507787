import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOidcProvider } from './oidc-provider';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
// 8095 + offset: the embedded PostgreSQL; 8096 + offset: the stand-in for Cognito (e2e/oidc-provider.ts)
const ports = [8080, 8081, 8091, 8092, 8093, 8094, 8095, 8096];

function free(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/**
 * An offset that moves every port of the stack onto free ones (never the fixed defaults), all of them between 10080
 * and 32086: below Linux's ephemeral range (32768 and up), where the system hands out the local ports of outgoing
 * connections, so no client socket can take one between this check and the service's start.
 */
async function freeOffset(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const offset = 2_000 + Math.floor(Math.random() * 2_200) * 10;
    const checks = await Promise.all(ports.map((port) => free(port + offset)));
    if (checks.every(Boolean)) return offset;
  }
  throw new Error('no free port range for the end-to-end stack');
}

function psql(url: string, sql: string) {
  return spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
}

/**
 * Starts the README's stack (scripts/run-local.sh) on free ports with its own data directory and a fresh
 * database: on TEST_DATABASE_URL's server when given (dropped afterwards), else an embedded PostgreSQL.
 * Set E2E_BASE_URL to test a stack that is already running instead.
 */
export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return undefined;
  const offset = await freeOffset();
  const local = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AI_ASSISTANTS_PORT_OFFSET: String(offset),
    AI_ASSISTANTS_LOCAL_DIR: local,
    AI_ASSISTANTS_START_TIMEOUT: process.env.AI_ASSISTANTS_START_TIMEOUT ?? '600',
    // the gateway's simulator plays the WhatsApp Web login (e2e/whatsapp.spec.ts): its QR changes every 2 s
    AI_ASSISTANTS_GATEWAY_SIMULATOR_QR_ROTATION: '2s',
  };
  delete env.DATABASE_URL;
  let database: { admin: string; name: string } | null = null;
  const testDb = process.env.TEST_DATABASE_URL;
  if (testDb && spawnSync('psql', ['--version']).status === 0) {
    const name = `console_e2e_${Date.now()}_${process.pid}`;
    const created = psql(testDb, `create database ${name}`);
    if (created.status !== 0) throw new Error(`could not create ${name}: ${created.stderr}`);
    database = { admin: testDb, name };
    const url = new URL(testDb);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  if (process.env.TEST_REDIS_URL) env.REDIS_URL = process.env.TEST_REDIS_URL;
  const base = `http://localhost:${8080 + offset}`;
  // backend-api also accepts the ID tokens of a local OpenID Connect provider, as it does Cognito's in AWS
  const oidc = await startOidcProvider(8096 + offset, base);
  env.AI_ASSISTANTS_COGNITO_ISSUER_URI = oidc.issuer;

  const results = join(here, '..', 'test-results');
  mkdirSync(results, { recursive: true });
  const log = createWriteStream(join(results, 'stack.log'));
  const stack: ChildProcess = spawn('bash', ['scripts/run-local.sh'], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  stack.stderr?.pipe(log);
  const stop = async () => {
    if (stack.pid) {
      try {
        process.kill(-stack.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((done) => {
        if (stack.exitCode !== null) done(undefined);
        else stack.once('exit', done);
        setTimeout(done, 30_000);
      });
    }
    await oidc.close();
    if (database) psql(database.admin, `drop database if exists ${database.name} with (force)`);
  };
  const started = new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the stack did not start in 900 s; see ${join(results, 'stack.log')}`)), 900_000);
    let output = '';
    stack.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      output += chunk.toString();
      if (output.includes('ai-assistants is running.')) {
        clearTimeout(timer);
        ready();
      }
    });
    stack.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`run-local.sh exited with ${code}; see ${join(results, 'stack.log')} and ${local}/logs`));
    });
  });
  try {
    await started;
  } catch (error) {
    // a stack that never became healthy is stopped too: no services or database left behind
    await stop();
    throw error;
  }
  process.env.E2E_BASE_URL = base;
  // the gateway itself, for the simulator's test endpoints (a patient's phone scanning the QR)
  process.env.E2E_GATEWAY_URL = `http://127.0.0.1:${8081 + offset}`;
  process.env.E2E_STAFF_EMAIL = 'staff@demo.local';
  process.env.E2E_OIDC_ISSUER = oidc.issuer;
  console.log(`end-to-end stack on ${base} (data and logs in ${local})`);

  return async () => {
    await stop();
    if (!process.env.E2E_KEEP) rmSync(local, { recursive: true, force: true });
  };
}
