import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  /**
   * Runs SQL as an insider would to rewrite history: the login superuser with triggers off
   * (session_replication_role = replica), past the append-only trigger and the application role.
   */
  insider<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database for one suite, on the server the global setup chose. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.ANCRAGE_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('ANCRAGE_TEST_ADMIN_URL is not set: run the suites through jest (test/global-setup.ts)');
  const name = `ancrage_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    insider: (sql, params) =>
      withAdmin(url.toString(), async (c) => {
        await c.query(`SET session_replication_role = replica`);
        return (await c.query(sql, params)).rows;
      }),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
