import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection, RowAccess } from '@ancrage/projections';
import { FUND_EVENT_TYPES, FundEvent } from '../domain/fund.events';
import { CentsBy, FundCommitmentRow, FundEnvelopeRow, FundMonthRow, FundRequestRow } from './fund.entities';

export type FundTables = { envelopes: FundEnvelopeRow; months: FundMonthRow; commitments: FundCommitmentRow; requests: FundRequestRow };

/** fund-{safir}-{year}: the stream says whose fund an event is about. */
export function fundKey(streamId: string): { safir: string; year: number } {
  const [, safir, year] = streamId.split('-');
  return { safir, year: Number(year) };
}

const add = (by: CentsBy, key: string, cents: number): CentsBy => ({ ...by, [key]: (by[key] ?? 0) + cents });

function month(rows: RowAccess<FundTables>, e: RecordedEvent): FundMonthRow {
  const { safir, year } = fundKey(e.streamId);
  const key = { safir, year, month: e.metadata.occurredAt.slice(0, 7) };
  return (
    rows.get('months', key) ?? {
      ...key,
      envelopeDeltaCents: 0,
      committedCents: 0,
      paidCents: 0,
      releasedCents: 0,
      committedByCategory: {},
      committedByRoute: {},
    }
  );
}

/**
 * The "5%" consumption: per agency-year totals, per month flows, per commitment detail, and the
 * over-commitment requests. Months follow when things happened (a payment's date). Version 2
 * added the requests.
 */
export const fundConsumption = defineProjection<FundTables>({
  name: 'fund-consumption',
  version: 2,
  eventTypes: FUND_EVENT_TYPES,
  tables: {
    // By year alone as well: a national roll-up filters on the year only, and its past read walks that index.
    envelopes: { entity: FundEnvelopeRow, key: ['safir', 'year'], stable: ['region'], indexes: [['year', 'region'], ['year']] },
    months: { entity: FundMonthRow, key: ['safir', 'year', 'month'] },
    commitments: { entity: FundCommitmentRow, key: ['safir', 'year', 'commitmentId'] },
    requests: { entity: FundRequestRow, key: ['safir', 'year', 'requestId'], stable: ['region'], indexes: [['region', 'status']] },
  },
  touches(e) {
    const k = fundKey(e.streamId);
    const { commitmentId, requestId } = e.data as { commitmentId?: string; requestId?: string | null };
    return [
      { table: 'envelopes', key: k },
      { table: 'months', key: { ...k, month: e.metadata.occurredAt.slice(0, 7) } },
      ...(commitmentId ? [{ table: 'commitments' as const, key: { ...k, commitmentId } }] : []),
      ...(requestId ? [{ table: 'requests' as const, key: { ...k, requestId } }] : []),
    ];
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as FundEvent;
    const k = fundKey(e.streamId);
    if (event.type === 'EnvelopeAllocated') {
      rows.put('envelopes', {
        ...k,
        region: event.data.region,
        envelopeCents: event.data.amountCents,
        authorisedOverCents: 0,
        committedCents: 0,
        paidCents: 0,
        releasedCents: 0,
        mobilityCents: 0,
        mobilityLeavingBasinCents: 0,
        committedByCategory: {},
        committedByRoute: {},
        commitments: 0,
        closed: false,
      });
      const m = month(rows, e);
      return rows.put('months', { ...m, envelopeDeltaCents: m.envelopeDeltaCents + event.data.amountCents });
    }
    const envelope = rows.get('envelopes', k);
    if (!envelope) return;
    const m = month(rows, e);
    switch (event.type) {
      case 'EnvelopeAdjusted':
        rows.put('envelopes', { ...envelope, envelopeCents: envelope.envelopeCents + event.data.deltaCents });
        rows.put('months', { ...m, envelopeDeltaCents: m.envelopeDeltaCents + event.data.deltaCents });
        return;
      case 'OverCommitmentRequested':
        return rows.put('requests', {
          ...k,
          requestId: event.data.requestId,
          region: envelope.region,
          amountCents: event.data.amountCents,
          reason: event.data.reason,
          requestedBy: event.data.requestedBy,
          requestedAt: e.metadata.occurredAt,
          status: 'PENDING',
          authorisedCents: null,
          answeredBy: null,
          answeredAt: null,
          answer: null,
        });
      case 'OverCommitmentAuthorised': {
        const d = event.data;
        const request = d.requestId ? rows.get('requests', { ...k, requestId: d.requestId }) : undefined;
        if (request)
          rows.put('requests', {
            ...request,
            status: 'AUTHORISED',
            authorisedCents: d.amountCents,
            answeredBy: d.authorisedBy,
            answeredAt: e.metadata.occurredAt,
            answer: d.reason,
          });
        return rows.put('envelopes', { ...envelope, authorisedOverCents: envelope.authorisedOverCents + d.amountCents });
      }
      case 'OverCommitmentRefused': {
        const request = rows.get('requests', { ...k, requestId: event.data.requestId });
        return (
          request &&
          rows.put('requests', {
            ...request,
            status: 'REFUSED',
            answeredBy: event.data.refusedBy,
            answeredAt: e.metadata.occurredAt,
            answer: event.data.reason,
          })
        );
      }
      case 'FundYearClosed':
        return rows.put('envelopes', { ...envelope, closed: true });
      case 'ExpenditureCommitted': {
        const d = event.data;
        const mobility = d.category === 'DEROGATORY_MOBILITY_AID' ? d.amountCents : 0;
        rows.put('envelopes', {
          ...envelope,
          committedCents: envelope.committedCents + d.amountCents,
          mobilityCents: envelope.mobilityCents + mobility,
          mobilityLeavingBasinCents: envelope.mobilityLeavingBasinCents + (d.mobility?.leavesEmploymentBasin ? d.amountCents : 0),
          committedByCategory: add(envelope.committedByCategory, d.category, d.amountCents),
          committedByRoute: add(envelope.committedByRoute, d.route, d.amountCents),
          commitments: envelope.commitments + 1,
        });
        rows.put('months', {
          ...m,
          committedCents: m.committedCents + d.amountCents,
          committedByCategory: add(m.committedByCategory, d.category, d.amountCents),
          committedByRoute: add(m.committedByRoute, d.route, d.amountCents),
        });
        rows.put('commitments', {
          ...k,
          commitmentId: d.commitmentId,
          category: d.category,
          route: d.route,
          amountCents: d.amountCents,
          paidCents: 0,
          releasedCents: 0,
          beneficiaryPartnerId: d.beneficiaryPartnerId,
          planActionId: d.planActionId,
          rationale: d.rationale,
          mobility: d.mobility,
          committedAt: e.metadata.occurredAt,
          recordedBy: e.metadata.actor,
          payments: [],
        });
        return;
      }
      case 'PaymentRecorded': {
        const c = rows.get('commitments', { ...k, commitmentId: event.data.commitmentId });
        const payment = {
          paymentId: event.data.paymentId,
          amountCents: event.data.amountCents,
          paidAt: e.metadata.occurredAt,
          recordedCents: null,
        };
        if (c) rows.put('commitments', { ...c, paidCents: c.paidCents + event.data.amountCents, payments: [...c.payments, payment] });
        rows.put('envelopes', { ...envelope, paidCents: envelope.paidCents + event.data.amountCents });
        rows.put('months', { ...m, paidCents: m.paidCents + event.data.amountCents });
        return;
      }
      case 'PaymentCorrected': {
        const delta = event.data.correctedCents - event.data.previousCents;
        const c = rows.get('commitments', { ...k, commitmentId: event.data.commitmentId });
        const { paymentId, correctedCents } = event.data;
        const payments =
          c?.payments.map((p) =>
            p.paymentId === paymentId ? { ...p, amountCents: correctedCents, recordedCents: p.recordedCents ?? p.amountCents } : p,
          ) ?? [];
        if (c) rows.put('commitments', { ...c, paidCents: c.paidCents + delta, payments });
        rows.put('envelopes', { ...envelope, paidCents: envelope.paidCents + delta });
        rows.put('months', { ...m, paidCents: m.paidCents + delta });
        return;
      }
      case 'CommitmentReleased': {
        const c = rows.get('commitments', { ...k, commitmentId: event.data.commitmentId });
        const cents = event.data.releasedCents;
        if (!c) return;
        rows.put('commitments', { ...c, releasedCents: c.releasedCents + cents });
        const isMobility = c.category === 'DEROGATORY_MOBILITY_AID';
        rows.put('envelopes', {
          ...envelope,
          committedCents: envelope.committedCents - cents,
          releasedCents: envelope.releasedCents + cents,
          mobilityCents: envelope.mobilityCents - (isMobility ? cents : 0),
          mobilityLeavingBasinCents: envelope.mobilityLeavingBasinCents - (c.mobility?.leavesEmploymentBasin ? cents : 0),
          committedByCategory: add(envelope.committedByCategory, c.category, -cents),
          committedByRoute: add(envelope.committedByRoute, c.route, -cents),
        });
        rows.put('months', {
          ...m,
          releasedCents: m.releasedCents + cents,
          committedByCategory: add(m.committedByCategory, c.category, -cents),
          committedByRoute: add(m.committedByRoute, c.route, -cents),
        });
        return;
      }
    }
  },
});
