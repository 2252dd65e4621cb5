import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defineProjection } from '../projection';

/** A small projection for engine tests: contacts logged per agency and month, and who logged the last. */
@Entity('test_contacts_per_month')
export class ContactsPerMonthRow {
  @PrimaryColumn('text') agency: string;
  @PrimaryColumn('text') month: string;
  @Column('integer') contacts: number;
  @Column('bigint') totalMinutes: number;
  @Column('text', { nullable: true }) lastActor: string | null;
}

export class ContactsPerMonthTable1764000000999 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE test_contacts_per_month (agency text, month text, contacts integer NOT NULL,
      "totalMinutes" bigint NOT NULL, "lastActor" text, PRIMARY KEY (agency, month))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_contacts_per_month`);
  }
}

export function contactsPerMonth(options: { failOnMinutes?: number } = {}) {
  return defineProjection<{ months: ContactsPerMonthRow }>({
    name: 'test-contacts-per-month',
    version: 1,
    eventTypes: ['ContactLogged', 'ContactRetracted'],
    tables: { months: { entity: ContactsPerMonthRow, key: ['agency', 'month'] } },
    touches: (e) => [{ table: 'months', key: { agency: e.metadata.agency, month: e.metadata.occurredAt.slice(0, 7) } }],
    apply(e, rows) {
      const key = { agency: e.metadata.agency!, month: e.metadata.occurredAt.slice(0, 7) };
      const minutes = (e.data as { minutes?: number }).minutes ?? 0;
      if (options.failOnMinutes !== undefined && minutes === options.failOnMinutes) throw new Error('simulated crash mid-batch');
      const row = rows.get('months', key) ?? { ...key, contacts: 0, totalMinutes: 0, lastActor: null };
      if (e.type === 'ContactRetracted') {
        row.contacts -= 1;
        row.totalMinutes -= minutes;
        if (row.contacts === 0) return rows.delete('months', key);
      } else {
        row.contacts += 1;
        row.totalMinutes += minutes;
        row.lastActor = e.metadata.actor;
      }
      rows.put('months', row);
    },
  });
}
