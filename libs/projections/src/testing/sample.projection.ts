import { Column, Entity, PrimaryColumn } from 'typeorm';
import { defineProjection } from '../projection';

/**
 * A fold whose answer depends on order and on other rows, for the engine's property tests:
 * counters per agency and month of occurrence, a last-writer-wins status per agency, transfers
 * that only count while the agency is open, and resets that delete a counter.
 */
@Entity('test_sample_counters')
export class SampleCounterRow {
  @PrimaryColumn('text') agency: string;
  @PrimaryColumn('text') month: string;
  @Column('integer') count: number;
  @Column('integer') sum: number;
  @Column('text', { nullable: true }) last: string | null;
  @Column('jsonb') tags: Record<string, number>;
}

@Entity('test_sample_statuses')
export class SampleStatusRow {
  @PrimaryColumn('text') agency: string;
  @Column('text') status: string;
  @Column('integer') changes: number;
}

export const SAMPLE_EVENT_TYPES = ['Count', 'SetStatus', 'Transfer', 'Reset'] as const;

export const sampleProjection = defineProjection<{ counters: SampleCounterRow; statuses: SampleStatusRow }>({
  name: 'test-sample',
  version: 1,
  eventTypes: SAMPLE_EVENT_TYPES,
  tables: {
    counters: { entity: SampleCounterRow, key: ['agency', 'month'] },
    // One table of each past read, both held to a full replay by the property test.
    statuses: { entity: SampleStatusRow, key: ['agency'], indexes: [['status']], pastRead: 'probe' },
  },
  touches(e) {
    const d = e.data as { agency: string; month?: string };
    const month = d.month ?? e.metadata.occurredAt.slice(0, 7);
    if (e.type === 'SetStatus') return [{ table: 'statuses', key: { agency: d.agency } }];
    return [
      { table: 'counters', key: { agency: d.agency, month } },
      ...(e.type === 'Transfer' ? [{ table: 'statuses' as const, key: { agency: d.agency } }] : []),
    ];
  },
  apply(e, rows) {
    const d = e.data as { agency: string; month?: string; n?: number; status?: string; tag?: string };
    const key = { agency: d.agency, month: d.month ?? e.metadata.occurredAt.slice(0, 7) };
    const counter = () => rows.get('counters', key) ?? { ...key, count: 0, sum: 0, last: null, tags: {} };
    switch (e.type) {
      case 'Count': {
        const c = counter();
        const tag = d.tag ?? 'x';
        return rows.put('counters', { ...c, count: c.count + 1, last: e.eventId, tags: { ...c.tags, [tag]: (c.tags[tag] ?? 0) + 1 } });
      }
      case 'SetStatus': {
        const s = rows.get('statuses', { agency: d.agency });
        return rows.put('statuses', { agency: d.agency, status: d.status!, changes: (s?.changes ?? 0) + 1 });
      }
      case 'Transfer': {
        if (rows.get('statuses', { agency: d.agency })?.status !== 'open') return;
        const c = counter();
        return rows.put('counters', { ...c, sum: c.sum + d.n!, last: e.eventId });
      }
      case 'Reset':
        return rows.delete('counters', key);
    }
  },
});
