import { Column, Entity, PrimaryColumn, Repository } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection } from '@ancrage/projections';

/** The bench's read model: per agency and month, events, contacts and committed cents. */
@Entity('bench_agency_activity')
export class AgencyActivityRow {
  @PrimaryColumn('text') agency: string;
  @PrimaryColumn('text') month: string;
  @Column('integer') events: number;
  @Column('integer') contacts: number;
  @Column('bigint') committedCents: number;
}

/** The same rows in a plain table, for the naive baseline (the engine makes its own tables). */
@Entity('bench_naive_activity')
export class NaiveActivityRow extends AgencyActivityRow {}

export class BenchNaiveActivity1764000009999 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE bench_naive_activity (agency text, month text, events integer NOT NULL, contacts integer NOT NULL,
      "committedCents" bigint NOT NULL, PRIMARY KEY (agency, month))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bench_naive_activity`);
  }
}

function keyOf(e: RecordedEvent) {
  return { agency: e.metadata.agency ?? 'none', month: e.metadata.occurredAt.slice(0, 7) };
}

function next(row: AgencyActivityRow | undefined, e: RecordedEvent): AgencyActivityRow {
  const r = row ?? { ...keyOf(e), events: 0, contacts: 0, committedCents: 0 };
  r.events += 1;
  if (e.type === 'ContactLogged') r.contacts += 1;
  if (e.type === 'ExpenditureCommitted') r.committedCents += (e.data as { amountCents: number }).amountCents;
  return r;
}

export const agencyActivity = defineProjection<{ activity: AgencyActivityRow }>({
  name: 'bench-agency-activity',
  version: 1,
  eventTypes: ['ContactLogged', 'ExpenditureCommitted'],
  tables: { activity: { entity: AgencyActivityRow, key: ['agency', 'month'] } },
  touches: (e) => [{ table: 'activity', key: keyOf(e) }],
  apply: (e, rows) => rows.put('activity', next(rows.get('activity', keyOf(e)), e)),
});

/** The naive baseline: one TypeORM load and save per event, what a first version often does. */
export async function naiveApply(repo: Repository<NaiveActivityRow>, e: RecordedEvent): Promise<void> {
  const row = (await repo.findOneBy(keyOf(e))) ?? undefined;
  // A bigint column comes back as a string, whatever the entity says.
  await repo.save(next(row ? { ...row, committedCents: Number(row.committedCents as number | string) } : undefined, e));
}
