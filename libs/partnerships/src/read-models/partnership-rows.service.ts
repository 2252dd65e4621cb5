import { Inject, Injectable } from '@nestjs/common';
import { Filter, ReadModels } from '@ancrage/projections';
import { CLOCK, Clock, cutOf, endOfDay, ReadConsistency } from '@ancrage/platform';
import { JointEventRow, PartnerRow, PartnershipCircleCountsRow, PartnershipMonthRow, PartnershipRow } from './partnerships.entities';
import { partnershipsProjection } from './partnerships.projection';

export interface RowsQuery {
  asOf?: string;
  knownAt?: string;
  consistentWith?: number;
}

export interface PartnershipRows {
  partners: Map<string, PartnerRow>;
  partnerships: PartnershipRow[];
  /** The date agreement statuses are judged on: asOf, or today. */
  on: string;
}

/**
 * The partnership read model at a query's cut (live, as of a date, as known at an instant): one
 * path for the present and the past, so the views downstream cannot disagree between them.
 */
@Injectable()
export class PartnershipRowsService {
  constructor(
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async ready(q: RowsQuery): Promise<void> {
    await this.consistency.waitFor(q.consistentWith, [partnershipsProjection.name]);
  }

  /** The shared partner register, sorted by name. */
  async partnerRegister(q: RowsQuery, where: Filter<PartnerRow> = {}): Promise<PartnerRow[]> {
    await this.ready(q);
    return this.reads.find(PartnerRow, cutOf(q), where, { order: { name: 'ASC' } });
  }

  /** The partnerships of one agency or of a region (or the country), with their partners. */
  async load(scope: { safir?: string; region?: string }, q: RowsQuery): Promise<PartnershipRows> {
    await this.ready(q);
    const cut = cutOf(q);
    const partnerships = await this.reads.find(
      PartnershipRow,
      cut,
      { safir: scope.safir, region: scope.region },
      { order: { partnerId: 'ASC' } },
    );
    const partners = await this.reads.find(PartnerRow, cut, { partnerId: [...new Set(partnerships.map((p) => p.partnerId))] });
    return { partners: new Map(partners.map((p) => [p.partnerId, p])), partnerships, on: this.on(q) };
  }

  /** Each agency's circle counts, of a region or the country: one row per agency. */
  async circleCounts(region: string | undefined, q: RowsQuery): Promise<PartnershipCircleCountsRow[]> {
    await this.ready(q);
    return this.reads.find(PartnershipCircleCountsRow, cutOf(q), { region });
  }

  /** One partnership's months of activity. */
  async months(safir: string, partnerId: string, q: RowsQuery): Promise<PartnershipMonthRow[]> {
    await this.ready(q);
    return this.reads.find(PartnershipMonthRow, cutOf(q), { safir, partnerId }, { order: { month: 'ASC' } });
  }

  /** An agency's joint events, by date. */
  async jointEvents(safir: string, q: RowsQuery): Promise<JointEventRow[]> {
    await this.ready(q);
    return this.reads.find(JointEventRow, cutOf(q), { safir }, { order: { date: 'ASC' } });
  }

  private on(q: RowsQuery): string {
    return (q.asOf ? endOfDay(q.asOf)! : this.clock().toISOString()).slice(0, 10);
  }
}
