import { defineProjection } from '@ancrage/projections';
import { classifyContext } from '../domain/context-classification';
import { TERRITORY_EVENT_TYPES, TerritoryEvent } from '../domain/territory.events';
import { AgencyRow } from './agency.entity';

/**
 * Agencies with their latest context. A revision dated before the one already known does not
 * replace it (contexts are revised over time, not always recorded in order).
 */
export const agencyDirectory = defineProjection<{ agencies: AgencyRow }>({
  name: 'agency-directory',
  version: 1,
  eventTypes: TERRITORY_EVENT_TYPES,
  tables: { agencies: { entity: AgencyRow, key: ['safir'], stable: ['region'], indexes: [['region']] } },
  touches: (e) => [{ table: 'agencies', key: { safir: (e.data as { safir: string }).safir } }],
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as TerritoryEvent;
    if (event.type === 'AgencyRegistered') {
      return rows.put('agencies', {
        ...event.data,
        registeredAt: e.metadata.occurredAt,
        contextEffectiveDate: null,
        figures: null,
        contextClass: null,
        classification: null,
      });
    }
    const row = rows.get('agencies', { safir: event.data.safir });
    if (!row || (row.contextEffectiveDate && row.contextEffectiveDate > event.data.effectiveDate)) return;
    const classification = classifyContext(event.data.figures);
    rows.put('agencies', {
      ...row,
      contextEffectiveDate: event.data.effectiveDate,
      figures: event.data.figures,
      contextClass: classification.class,
      classification,
    });
  },
});
