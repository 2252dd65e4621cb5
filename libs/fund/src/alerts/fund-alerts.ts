import { Injectable } from '@nestjs/common';
import { AlertQuery, AlertSource, ProvidesAlerts, cutOf, endOfDay, readScope } from '@ancrage/platform';
import { ReadModels } from '@ancrage/projections';
import { type Alert, parisDay } from '@ancrage/shared-kernel';
import { FundEnvelopeRow, FundRequestRow } from '../read-models/fund.entities';
import { forecast } from '../read-models/fund-report';
import { fundConsumption } from '../read-models/fund-consumption.projection';

/** Envelopes that run out before the year ends, at their pace so far, and requests awaiting a director. */
@Injectable()
@ProvidesAlerts()
export class FundAlerts implements AlertSource {
  readonly kinds = ['ENVELOPE_RUNNING_OUT', 'OVER_COMMITMENT_PENDING'] as const;
  readonly projections = [fundConsumption.name];

  constructor(private readonly reads: ReadModels) {}

  async alerts(q: AlertQuery): Promise<Alert[]> {
    const cut = cutOf(q);
    const year = Number(q.on.slice(0, 4));
    const [envelopes, requests] = await Promise.all([
      readScope(
        q.scope,
        (where) => this.reads.find(FundEnvelopeRow, cut, { ...where, year }),
        (e) => e.safir,
      ),
      readScope(
        q.scope,
        (where) => this.reads.find(FundRequestRow, cut, { ...where, status: 'PENDING' }),
        (r) => `${r.safir}|${r.year}|${r.requestId}`,
      ),
    ]);
    const reference = new Date(endOfDay(q.on)!);
    const running: Alert[] = envelopes.flatMap((e) => {
      const f = forecast(e, reference);
      if (e.closed || !f.exhaustedBeforeYearEnd || f.projectedExhaustionDate === null) return [];
      const remaining = e.envelopeCents + e.authorisedOverCents - e.committedCents;
      return [{ ...common(e), kind: 'ENVELOPE_RUNNING_OUT', on: f.projectedExhaustionDate, ref: String(e.year), amountCents: remaining }];
    });
    const pending: Alert[] = requests.map((r) => ({
      ...common(r),
      kind: 'OVER_COMMITMENT_PENDING',
      on: parisDay(new Date(r.requestedAt)),
      ref: r.requestId,
      amountCents: r.amountCents,
    }));
    return [...running, ...pending];
  }
}

const common = (r: { safir: string; region: string; year: number }) => ({
  safir: r.safir,
  region: r.region,
  year: r.year,
  subject: null,
  code: null,
});
