import { Injectable } from '@nestjs/common';
import { addDays, AlertQuery, AlertSource, ProvidesAlerts, cutOf, readScope } from '@ancrage/platform';
import { ReadModels } from '@ancrage/projections';
import { type Alert, parisDay } from '@ancrage/shared-kernel';
import { PartnerRow, PartnershipRow } from '../read-models/partnerships.entities';
import { agreementStatus } from '../read-models/partnership-views';
import { partnershipsProjection } from '../read-models/partnerships.projection';

/** Agreements to renew and partners' expectations left open: the partnerships' alerts. */
@Injectable()
@ProvidesAlerts()
export class PartnershipAlerts implements AlertSource {
  readonly kinds = ['AGREEMENT_EXPIRING', 'EXPECTATION_OPEN'] as const;
  readonly projections = [partnershipsProjection.name];

  constructor(private readonly reads: ReadModels) {}

  async alerts(q: AlertQuery): Promise<Alert[]> {
    const cut = cutOf(q);
    const partnerships = await readScope(
      q.scope,
      (where) => this.reads.find(PartnershipRow, cut, where),
      (p) => `${p.safir}|${p.partnerId}`,
    );
    const ids = [...new Set(partnerships.map((p) => p.partnerId))];
    const partners = new Map((ids.length ? await this.reads.find(PartnerRow, cut, { partnerId: ids }) : []).map((p) => [p.partnerId, p]));
    const renewBy = addDays(q.on, q.agreementDays);
    const openSince = addDays(q.on, -q.expectationDays);
    const alerts: Alert[] = [];
    for (const p of partnerships) {
      const name = partners.get(p.partnerId)?.name ?? p.partnerId;
      const base = { safir: p.safir, region: p.region, subject: name, ref: p.partnerId, year: null, amountCents: null };
      if (agreementStatus(p, q.on) === 'ACTIVE' && p.agreementEnd !== null && p.agreementEnd <= renewBy) {
        alerts.push({ ...base, kind: 'AGREEMENT_EXPIRING', on: p.agreementEnd, code: null });
      }
      for (const e of p.expectations) {
        const recordedOn = parisDay(new Date(e.recordedAt));
        if (e.addressedAt === null && recordedOn <= openSince) {
          alerts.push({ ...base, kind: 'EXPECTATION_OPEN', on: recordedOn, code: e.expectation });
        }
      }
    }
    return alerts;
  }
}
