import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '@ancrage/api';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';
import { OpenApiContract } from './openapi-contract';
import { createTestDatabase, TestDatabase } from './test-database';

export interface Harness {
  app: INestApplication;
  db: TestDatabase;
  /** Log lines the app wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Every JSON answer of the suite, checked against the OpenAPI document. */
  contract: OpenApiContract;
  /** Stops the app and drops its database; fails when an answer strayed from the OpenAPI document. */
  close(): Promise<void>;
}

/** The real app on a fresh database, listening on an ephemeral port (real HTTP). */
export async function startApp(env: Record<string, string> = {}, clock?: () => Date): Promise<Harness> {
  const db = await createTestDatabase();
  // Heads are sealed when a test asks (AuditService.treeHead), into a witness folder of its own.
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'info', ...quietSealing(), ...env });
  const logs: Record<string, unknown>[] = [];
  const logger = new JsonLogger('info', (line) => logs.push(JSON.parse(line)));
  const database = externalDatabase(db.url);
  const app = await createApp({ config, database, logger, clock });
  const contract = OpenApiContract.of(app);
  app.use(contract.middleware());
  await app.listen(0, '127.0.0.1');
  return {
    app,
    db,
    logs,
    contract,
    close: async () => {
      await app.close();
      await db.drop();
      contract.assertClean();
    },
  };
}

/**
 * A second API process on the harness's database, as two servers behind a load balancer share
 * one: its own pools, projectors (elected) and per-process queues.
 */
export async function startPeer(
  h: Harness,
  clock?: () => Date,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; close(): Promise<void> }> {
  const config = loadConfig({ DATABASE_URL: h.db.url, LOG_LEVEL: 'warn', ...quietSealing(), ...env });
  const logger = new JsonLogger('warn', (line) => h.logs.push(JSON.parse(line) as Record<string, unknown>));
  const app = await createApp({ config, database: externalDatabase(h.db.url), logger, clock });
  await app.listen(0, '127.0.0.1');
  return { app, close: () => app.close() };
}

function quietSealing(): Record<string, string> {
  return { ANCRAGE_SEAL_INTERVAL_MS: '0', ANCRAGE_WITNESS_DIR: mkdtempSync(join(tmpdir(), 'ancrage-witness-')) };
}
