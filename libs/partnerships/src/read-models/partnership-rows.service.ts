import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProjectionEngine } from '../../../projections/src';
import { CLOCK, Clock, endOfDay, ReadConsistency } from '../../../platform/src';
import { JointEventRow, PartnerRow, PartnershipMonthRow, PartnershipRow } from './partnerships.entities';
import { PartnershipTables, partnershipsProjection } from './partnerships.projection';

export interface RowsQuery {
  asOf?: string;
  knownAt?: string;
  consistentWith?: number;
}

export interface PartnershipRows {
  partners: Map<string, PartnerRow>;
  partnerships: PartnershipRow[];
  months: PartnershipMonthRow[];
  jointEvents: JointEventRow[];
  /** The date agreement statuses are judged on: asOf, or today. */
  on: string;
}

/**
 * The partnership read model for one agency (or a region), live from its tables or replayed as it
 * stood: the view functions downstream work the same on both.
 */
@Injectable()
export class PartnershipRowsService {
  constructor(
    private readonly engine: ProjectionEngine,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectRepository(PartnerRow) private readonly partners: Repository<PartnerRow>,
    @InjectRepository(PartnershipRow) private readonly partnerships: Repository<PartnershipRow>,
    @InjectRepository(PartnershipMonthRow) private readonly months: Repository<PartnershipMonthRow>,
    @InjectRepository(JointEventRow) private readonly jointEvents: Repository<JointEventRow>,
  ) {}

  /** The shared partner register, live or as it stood. */
  async partnerRegister(q: RowsQuery): Promise<PartnerRow[]> {
    await this.consistency.waitFor(q.consistentWith, [partnershipsProjection.name]);
    if (q.asOf || q.knownAt) {
      return (await this.engine.replay<PartnershipTables>(partnershipsProjection.name, { occurredAt: endOfDay(q.asOf), recordedAt: q.knownAt })).list('partners');
    }
    return this.partners.find();
  }

  async load(scope: { safir?: string; region?: string }, q: RowsQuery): Promise<PartnershipRows> {
    await this.consistency.waitFor(q.consistentWith, [partnershipsProjection.name]);
    const on = (q.asOf ? endOfDay(q.asOf)! : this.clock().toISOString()).slice(0, 10);
    const inScope = (r: { safir: string; region?: string | null }) => (!scope.safir || r.safir === scope.safir) && (!scope.region || r.region === scope.region);
    if (q.asOf || q.knownAt) {
      const rows = await this.engine.replay<PartnershipTables>(partnershipsProjection.name, { occurredAt: endOfDay(q.asOf), recordedAt: q.knownAt });
      const partnerships = rows.list('partnerships').filter(inScope);
      const safirs = new Set(partnerships.map((p) => p.safir));
      return {
        partners: new Map(rows.list('partners').map((p) => [p.partnerId, p])),
        partnerships,
        months: rows.list('months').filter((m) => safirs.has(m.safir) || m.safir === scope.safir),
        jointEvents: rows.list('jointEvents').filter((j) => !scope.safir || j.safir === scope.safir),
        on,
      };
    }
    const where = { ...(scope.safir ? { safir: scope.safir } : {}), ...(scope.region ? { region: scope.region } : {}) };
    const partnerships = await this.partnerships.find({ where, order: { partnerId: 'ASC' } });
    const partners = await this.partners.find();
    return {
      partners: new Map(partners.map((p) => [p.partnerId, p])),
      partnerships,
      months: scope.safir ? await this.months.findBy({ safir: scope.safir }) : [],
      jointEvents: scope.safir ? await this.jointEvents.find({ where: { safir: scope.safir }, order: { date: 'ASC' } }) : [],
      on,
    };
  }
}
