import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '@ancrage/database';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');
const run = promisify(execFile);

/**
 * The built app with the embedded store, driven as an operator drives it: the README's
 * first-administrator commands next to a running server, Ctrl-C to the process group, SIGTERM,
 * and a restart after `kill -9`.
 */
describe('ancrage serve and the CLI on the embedded store', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let pgPort: number;

  beforeAll(async () => {
    expect(existsSync(CLI)).toBe(true); // npm test builds first
    dataDir = mkdtempSync(join(tmpdir(), 'ancrage-lifecycle-'));
    chmodSync(dataDir, 0o755);
    [port, pgPort] = [await freePort(), await freePort()];
    env = {
      ...process.env,
      PORT: String(port),
      ANCRAGE_EMBEDDED_PG_PORT: String(pgPort),
      ANCRAGE_DATA_DIR: dataDir,
      ANCRAGE_DEMO: 'false',
    };
    delete env.DATABASE_URL;
    delete env.LOG_LEVEL;
  });
  // A server a failed test left behind would keep jest (and CI) waiting: kill it and its PostgreSQL.
  const started = new Set<ChildProcess>();
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    const postmaster = join(dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(postmaster)) {
      const pid = Number(readFileSync(postmaster, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
      for (let i = 0; i < 100 && existsSync(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs the README's first-administrator steps against the running server, from any folder", async () => {
    const server = await startServer();
    try {
      expect(server.lines()).toContainEqual(expect.objectContaining({ msg: 'no users yet: create the first administrator with the CLI' }));
      // Another port in the CLI's environment: the data directory decides which database it uses.
      const cliEnv = { ...env, ANCRAGE_EMBEDDED_PG_PORT: String(await freePort()) };
      const added = await run('./bin/ancrage', ['users', 'add', 'admin', '--name', 'Administrator', '--grant', 'admin'], {
        cwd: ROOT,
        env: cliEnv,
      });
      expect(added.stdout).toContain('admin registered');
      expect(added.stderr).toContain(`started by the Ancrage server running at http://127.0.0.1:${port}`);
      expect(added.stderr).not.toContain('no users yet');
      const issued = await run(join(ROOT, 'bin/ancrage'), ['tokens', 'issue', '--user', 'admin', '--label', 'first-admin'], {
        cwd: tmpdir(),
        env: cliEnv,
      });
      const token = issued.stdout.trim();
      const me = await fetch(`http://127.0.0.1:${port}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ userId: 'admin', grants: [{ role: 'admin' }] });
      // The CLI reports the projectors the server runs, and the server is ready.
      const status = await run('./bin/ancrage', ['projections', 'status', '--json'], { cwd: ROOT, env: cliEnv });
      const states = (JSON.parse(status.stdout) as { name: string; state: string }[]).map((s) => s.state);
      expect(states.length).toBeGreaterThan(5);
      expect(new Set(states)).toEqual(new Set(['live']));
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    } finally {
      await server.stop('SIGINT');
    }
  }, 120_000);

  it('stops cleanly on Ctrl-C to the process group: drains, then stops PostgreSQL, with no lost connection', async () => {
    const server = await startServer();
    await fetch(`http://127.0.0.1:${port}/health`);
    const code = await server.stop('SIGINT');
    expect(code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toContain('database connection lost');
    await expect(connect(pgPort)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
  }, 120_000);

  it('a Ctrl-C during start-up stops what has started: PostgreSQL is stopped, the process ends', async () => {
    const child = spawn(process.execPath, [CLI, 'serve'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.add(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // The database is up, the API not yet listening.
    for (let i = 0; i < 240 && !output.includes('embedded PostgreSQL'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain('embedded PostgreSQL');
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    await expect(connect(pgPort)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
  }, 120_000);

  it('after kill -9, the next start reuses the PostgreSQL left running, and stops it on SIGTERM', async () => {
    const crashed = await startServer();
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    await connect(pgPort).then((c) => c.end()); // orphaned, still running
    const next = await startServer();
    expect(next.output()).toContain('was left running');
    expect(await next.stop('SIGTERM')).toBe(0);
    await expect(connect(pgPort)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 120_000);

  it('a CLI command with no server running says which database it starts, and stops it when done', async () => {
    const status = await run(process.execPath, [CLI, 'migrate'], { cwd: tmpdir(), env });
    expect(status.stderr).toContain(`no Ancrage server runs on ${dataDir}: embedded PostgreSQL started there on port ${pgPort}`);
    expect(status.stdout).toContain('schema is up to date');
    await expect(connect(pgPort)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 60_000);

  async function startServer() {
    // Its own process group, as a terminal runs it: a signal to the group is what Ctrl-C sends.
    const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.add(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (let i = 0; i < 120 && !output.includes('Ancrage is listening'); i++) await new Promise((r) => setTimeout(r, 250));
    expect(output).toContain('Ancrage is listening');
    return {
      child,
      exited,
      output: () => output,
      lines: () =>
        output
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      stop: async (signal: NodeJS.Signals) => {
        if (child.exitCode === null) process.kill(-child.pid!, signal);
        return exited;
      },
    };
  }
});

async function connect(port: number): Promise<Client> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'ancrage',
    password: 'ancrage',
    database: 'ancrage',
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  return client;
}
