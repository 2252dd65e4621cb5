import { Inject, Injectable } from '@nestjs/common';
import type { AgencyDirectory } from '@ancrage/access';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { LIVE, ReadModels } from '@ancrage/projections';
import { agencyStream, TerritoryEvent } from './domain/territory.events';
import { AgencyRow } from './read-models/agency.entity';

/**
 * Access control's view of agencies, read from the agency's own stream (its first event), not
 * from a projection: a request right after registration must already be authorised correctly.
 * A region never changes once registered, so known answers are cached for the process's life.
 */
@Injectable()
export class TerritoryAgencyDirectory implements AgencyDirectory {
  private readonly regions = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: ReadModels,
  ) {}

  async namesOf(safirs: readonly string[]): Promise<Map<string, string>> {
    if (safirs.length === 0) return new Map();
    const rows = await this.reads.find(AgencyRow, LIVE, { safir: [...new Set(safirs)] });
    return new Map(rows.map((r) => [r.safir, r.name]));
  }

  async agenciesInBasin(code: string): Promise<string[]> {
    const rows = await this.reads.find(AgencyRow, LIVE, { employmentBasin: code }, { columns: ['safir'] });
    return rows.map((r) => r.safir);
  }

  async regionOf(safir: string): Promise<string | null> {
    const cached = this.regions.get(safir);
    if (cached) return cached;
    const [first] = await this.store.readStream(agencyStream(safir), { toVersion: 0 });
    const event = first as unknown as TerritoryEvent | undefined;
    if (event?.type !== 'AgencyRegistered') return null;
    this.regions.set(safir, event.data.region);
    return event.data.region;
  }
}
