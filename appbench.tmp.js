const { Pool, Client } = require('pg');
const { PostgresEventStore } = require('/work/main/dist/libs/event-store-postgres/src');
const { createDataSource } = require('/work/main/dist/libs/database/src');
const { EventLog1764000000000 } = require('/work/main/dist/libs/event-store-postgres/src');
const { randomUUID } = require('crypto');
(async () => {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' }); await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS appbench WITH (FORCE)'); await admin.query('CREATE DATABASE appbench');
  const url = 'postgres://postgres@127.0.0.1:5432/appbench';
  const ds = createDataSource({ url, migrations: [EventLog1764000000000] }); await ds.initialize(); await ds.runMigrations(); await ds.destroy();
  const pool = new Pool({ connectionString: url, max: 10 });
  const store = new PostgresEventStore({ pool });
  const ev = () => ({ eventId: randomUUID(), type: 'ContactLogged', schemaVersion: 1, data: { partnerId: 'p-1', channel: 'MEETING', note: 'Point mensuel avec la Mission locale' }, metadata: { actor: 'bench', role: 'manager', agency: '75001', correlationId: randomUUID(), causationId: null, idempotencyKey: null, occurredAt: '2018-01-01T00:00:00.000Z' } });
  for (const [label, writers, size, calls] of [['seq b1', 1, 1, 1000], ['seq b100', 1, 100, 200], ['8w b1', 8, 1, 250], ['8w b100', 8, 100, 50], ['seq b1000', 1, 1000, 30]]) {
    const t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: writers }, async (_, w) => { for (let i = 0; i < calls; i++) await store.append(`s-${w}-${i % 20}`, Array.from({ length: size }, ev), 'any'); }));
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    console.log(label, Math.round(writers * size * calls / s), 'ev/s');
  }
  await store.close(); await pool.end(); await admin.end();
})();
