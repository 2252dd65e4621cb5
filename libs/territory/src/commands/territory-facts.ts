import type { EventStore } from '@ancrage/event-store';
import { basinStream } from '../domain/basins.events';
import { agencyStream, type TerritoryEvent } from '../domain/territory.events';

/** Whether a basin is registered: its stream's first event says so. */
export async function basinIsRegistered(store: EventStore, code: string): Promise<boolean> {
  const [first] = await store.readStream(basinStream(code), { toVersion: 0 });
  return first?.type === 'BasinRegistered';
}

/** The basin an agency was registered in, or null for an unknown agency (a basin never changes once registered). */
export async function basinOfAgency(store: EventStore, safir: string): Promise<string | null> {
  const [first] = await store.readStream(agencyStream(safir), { toVersion: 0 });
  const event = first as unknown as TerritoryEvent | undefined;
  return event?.type === 'AgencyRegistered' ? event.data.employmentBasin : null;
}
