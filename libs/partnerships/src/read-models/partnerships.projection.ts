import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection, RowAccess, Touch } from '@ancrage/projections';
import { CATEGORIES } from '../domain/categories';
import type { JointEventEvent, PartnerEvent, PartnershipEvent } from '../domain/partnerships.events';
import { circleCell, countChange } from './circle-counts';
import {
  JointEventRow,
  PartnerRow,
  PartnershipAgencyRow,
  PartnershipCircleCountsRow,
  PartnershipMonthRow,
  PartnershipRow,
} from './partnerships.entities';

export type PartnershipTables = {
  partners: PartnerRow;
  partnerships: PartnershipRow;
  months: PartnershipMonthRow;
  jointEvents: JointEventRow;
  agencies: PartnershipAgencyRow;
  circleCounts: PartnershipCircleCountsRow;
};

type Any = PartnerEvent | PartnershipEvent | JointEventEvent | { type: 'AgencyRegistered'; data: { safir: string; region: string } };

const PARTNERSHIP_TYPES = [
  'AgreementSigned',
  'AgreementAmended',
  'AgreementRenewed',
  'AgreementTerminated',
  'PriorityCircleAssigned',
  'ContactLogged',
  'PartnerExpectationRecorded',
  'PartnerExpectationAddressed',
  'QualityAssessed',
];

function month(rows: RowAccess<PartnershipTables>, safir: string, partnerId: string, date: string): PartnershipMonthRow {
  const key = { safir, partnerId, month: date.slice(0, 7) };
  return rows.get('months', key) ?? { ...key, contacts: 0, jointEvents: 0, score: null };
}

function partnership(rows: RowAccess<PartnershipTables>, safir: string, partnerId: string): PartnershipRow {
  return (
    rows.get('partnerships', { safir, partnerId }) ?? {
      safir,
      partnerId,
      region: rows.get('agencies', { safir })?.region ?? null,
      circle: null,
      circleReason: null,
      agreementId: null,
      agreementReference: null,
      agreementFormal: null,
      agreementObjectives: null,
      agreementServices: null,
      agreementStart: null,
      agreementEnd: null,
      agreementTerminatedOn: null,
      lastScore: null,
      lastAssessedOn: null,
      lastCriteria: null,
      contacts: 0,
      openExpectations: 0,
      addressedExpectations: 0,
      expectations: [],
    }
  );
}

/**
 * Partners, partnerships, monthly activity and joint events in one fold, so quality over time can
 * combine assessments, contacts and joint events. It reads territory's AgencyRegistered events for
 * agencies' regions, and shared partner streams, so a replay for one agency reads the whole log.
 */
export const partnershipsProjection = defineProjection<PartnershipTables>({
  name: 'partnerships',
  // 2: each partnership lists its expectations. 3: circle counts per agency. 4: joint events' service offer. 5: agreements' service offer.
  version: 5,
  agencyScoped: false,
  eventTypes: [
    'AgencyRegistered',
    'PartnerRegistered',
    'PartnerUpdated',
    'PartnerClosed',
    ...PARTNERSHIP_TYPES,
    'JointEventPlanned',
    'JointEventHeld',
    'JointEventCancelled',
  ],
  tables: {
    partners: { entity: PartnerRow, key: ['partnerId'], stable: ['category'] },
    partnerships: { entity: PartnershipRow, key: ['safir', 'partnerId'], stable: ['region'], indexes: [['region']] },
    months: { entity: PartnershipMonthRow, key: ['safir', 'partnerId', 'month'] },
    jointEvents: { entity: JointEventRow, key: ['safir', 'jointEventId'] },
    agencies: { entity: PartnershipAgencyRow, key: ['safir'] },
    circleCounts: { entity: PartnershipCircleCountsRow, key: ['safir'], stable: ['region'], indexes: [['region']], pastRead: 'probe' },
  },
  touches(e: RecordedEvent): Touch<PartnershipTables>[] {
    const d = e.data as {
      safir?: string;
      partnerId?: string;
      jointEventId?: string;
      partnerIds?: string[];
      date?: string;
      assessedOn?: string;
    };
    if (e.type === 'AgencyRegistered') return [{ table: 'agencies', key: { safir: d.safir } }];
    if (e.type.startsWith('Partner') && !e.type.startsWith('PartnerExpectation'))
      return [{ table: 'partners', key: { partnerId: d.partnerId } }];
    if (e.type.startsWith('JointEvent')) {
      return [
        { table: 'jointEvents', key: { safir: d.safir, jointEventId: d.jointEventId } },
        ...(d.partnerIds ?? []).map((partnerId) => ({
          table: 'months' as const,
          key: { safir: d.safir, partnerId, month: d.date!.slice(0, 7) },
        })),
      ];
    }
    const date = d.date ?? d.assessedOn;
    return [
      { table: 'agencies', key: { safir: d.safir } },
      { table: 'partnerships', key: { safir: d.safir, partnerId: d.partnerId } },
      // The register says the partner's category; the agency's counts follow the partnership.
      { table: 'partners', key: { partnerId: d.partnerId } },
      { table: 'circleCounts', key: { safir: d.safir } },
      ...(date ? [{ table: 'months' as const, key: { safir: d.safir, partnerId: d.partnerId, month: date.slice(0, 7) } }] : []),
    ];
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as Any;
    switch (event.type) {
      case 'AgencyRegistered':
        return rows.put('agencies', { safir: event.data.safir, region: event.data.region });
      case 'PartnerRegistered': {
        const { partnerId, name, category, subkind, dataInclusionCode, siret, scale, parentPartnerId } = event.data;
        return rows.put('partners', {
          partnerId,
          name,
          category,
          subkind,
          dataInclusionCode,
          siret,
          scale,
          parentPartnerId,
          defaultCircle: CATEGORIES[category].circle,
          closed: false,
        });
      }
      case 'PartnerUpdated': {
        const p = rows.get('partners', { partnerId: event.data.partnerId });
        return p && rows.put('partners', { ...p, name: event.data.name, scale: event.data.scale, siret: event.data.siret });
      }
      case 'PartnerClosed': {
        const p = rows.get('partners', { partnerId: event.data.partnerId });
        return p && rows.put('partners', { ...p, closed: true });
      }
      case 'JointEventPlanned': {
        const { safir, jointEventId, kind, date, title, partnerIds, publics, planActionId, services = [] } = event.data;
        return rows.put('jointEvents', {
          safir,
          jointEventId,
          kind,
          date,
          title,
          partnerIds,
          publics,
          planActionId,
          services,
          status: 'PLANNED',
          outcomes: null,
          cancelReason: null,
        });
      }
      case 'JointEventHeld': {
        const j = rows.get('jointEvents', { safir: event.data.safir, jointEventId: event.data.jointEventId });
        if (j) rows.put('jointEvents', { ...j, status: 'HELD', outcomes: event.data.outcomes });
        for (const partnerId of event.data.partnerIds) {
          const m = month(rows, event.data.safir, partnerId, event.data.date);
          rows.put('months', { ...m, jointEvents: m.jointEvents + 1 });
        }
        return;
      }
      case 'JointEventCancelled': {
        const j = rows.get('jointEvents', { safir: event.data.safir, jointEventId: event.data.jointEventId });
        return j && rows.put('jointEvents', { ...j, status: 'CANCELLED', cancelReason: event.data.reason });
      }
    }
    const d = event.data as { safir: string; partnerId: string };
    const before = rows.get('partnerships', { safir: d.safir, partnerId: d.partnerId });
    applyToPartnership(event, e, rows, partnership(rows, d.safir, d.partnerId));
    const after = rows.get('partnerships', { safir: d.safir, partnerId: d.partnerId });
    const partner = rows.get('partners', { partnerId: d.partnerId });
    const change = countChange(before && circleCell(before, partner), after && circleCell(after, partner));
    if (!change) return;
    const counts = rows.get('circleCounts', { safir: d.safir }) ?? { safir: d.safir, region: after?.region ?? null, byCategory: {} };
    rows.put('circleCounts', { ...counts, byCategory: change(counts.byCategory) });
  },
});

/** A partnership's own facts: agreement, circle, expectations, contacts and assessments. */
function applyToPartnership(event: Any, e: RecordedEvent, rows: RowAccess<PartnershipTables>, p: PartnershipRow): void {
  const d = event.data as { safir: string; partnerId: string };
  switch (event.type) {
    case 'AgreementSigned': {
      const a = event.data;
      return rows.put('partnerships', {
        ...p,
        agreementId: a.agreementId,
        agreementReference: a.reference,
        agreementFormal: a.formal,
        agreementObjectives: a.objectives,
        agreementServices: a.services ?? [],
        agreementStart: a.startDate,
        agreementEnd: a.endDate,
        agreementTerminatedOn: null,
      });
    }
    case 'AgreementAmended':
    case 'AgreementRenewed':
      return rows.put('partnerships', p.agreementId === event.data.agreementId ? { ...p, agreementEnd: event.data.endDate } : p);
    case 'AgreementTerminated':
      return rows.put(
        'partnerships',
        p.agreementId === event.data.agreementId ? { ...p, agreementTerminatedOn: event.data.terminatedOn } : p,
      );
    case 'PriorityCircleAssigned':
      return rows.put('partnerships', { ...p, circle: event.data.circle, circleReason: event.data.reason });
    case 'PartnerExpectationRecorded': {
      const { expectationId, expectation, note } = event.data;
      const entry = { expectationId, expectation, note, recordedAt: e.metadata.occurredAt, addressedAt: null, addressedNote: null };
      return rows.put('partnerships', { ...p, openExpectations: p.openExpectations + 1, expectations: [...p.expectations, entry] });
    }
    case 'PartnerExpectationAddressed': {
      const open = p.expectations.find((x) => x.expectationId === event.data.expectationId && x.addressedAt === null);
      if (!open) return rows.put('partnerships', p);
      const expectations = p.expectations.map((x) =>
        x === open ? { ...x, addressedAt: e.metadata.occurredAt, addressedNote: event.data.note } : x,
      );
      return rows.put('partnerships', {
        ...p,
        openExpectations: p.openExpectations - 1,
        addressedExpectations: p.addressedExpectations + 1,
        expectations,
      });
    }
    case 'ContactLogged': {
      rows.put('partnerships', { ...p, contacts: p.contacts + 1 });
      const m = month(rows, d.safir, d.partnerId, event.data.date);
      return rows.put('months', { ...m, contacts: m.contacts + 1 });
    }
    case 'QualityAssessed': {
      const later = p.lastAssessedOn !== null && p.lastAssessedOn > event.data.assessedOn;
      if (!later)
        rows.put('partnerships', {
          ...p,
          lastScore: event.data.score,
          lastAssessedOn: event.data.assessedOn,
          lastCriteria: event.data.criteria,
        });
      else rows.put('partnerships', p);
      const m = month(rows, d.safir, d.partnerId, event.data.assessedOn);
      return rows.put('months', { ...m, score: event.data.score });
    }
  }
}
