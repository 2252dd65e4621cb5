import { dayOf } from '@ancrage/shared-kernel';
import { defineProjection } from '@ancrage/projections';
import { REFERENT_EVENT_TYPES, ReferentEvent } from '../domain/referents.events';
import { ReferentRow } from './referents.entities';

export type ReferentTables = { referents: ReferentRow };

/** The referents of every partnership, each row versioned at the day of its facts (named, changed, withdrawn). */
export const referentsProjection = defineProjection<ReferentTables>({
  name: 'referents',
  version: 1,
  eventTypes: REFERENT_EVENT_TYPES,
  tables: { referents: { entity: ReferentRow, key: ['safir', 'partnerId', 'referentId'] } },
  touches(e) {
    const { safir, partnerId, referentId } = e.data as { safir: string; partnerId: string; referentId: string };
    return [{ table: 'referents', key: { safir, partnerId, referentId } }];
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as ReferentEvent;
    const { safir, partnerId, referentId } = event.data;
    const row = rows.get('referents', { safir, partnerId, referentId });
    switch (event.type) {
      case 'ReferentNamed': {
        const { side, name, role, phone, email } = event.data;
        const namedOn = dayOf(e.metadata.occurredAt)!;
        return rows.put('referents', {
          safir,
          partnerId,
          referentId,
          side,
          name,
          role,
          phone,
          email,
          namedOn,
          withdrawnOn: null,
          withdrawReason: null,
        });
      }
      case 'ReferentContactChanged': {
        const { role, phone, email } = event.data;
        return row && rows.put('referents', { ...row, role, phone, email });
      }
      case 'ReferentWithdrawn':
        return row && rows.put('referents', { ...row, withdrawnOn: dayOf(e.metadata.occurredAt), withdrawReason: event.data.reason });
    }
  },
});
