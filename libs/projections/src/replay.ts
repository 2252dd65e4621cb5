import type { EventStore } from '@ancrage/event-store';
import { MemoryRows } from './memory-rows';
import type { Projection, Tables } from './projection';

export interface AsOf {
  /** Only events at or below this global position. */
  position?: number;
  /** Only events that happened at or before this instant (the world's clock). */
  occurredAt?: string;
  /** Only events recorded at or before this instant (what was known then). */
  recordedAt?: string;
  /** Only this agency's events (for agency-scoped projections). */
  agency?: string;
}

/**
 * The projection's rows as they stood at a point of history, folded in memory from every event
 * the slice selects: the reference the versioned tables are checked against (drift checks and
 * property tests). Views do not use it: they read the versioned tables at a cut.
 */
export async function replayProjection<T extends Tables>(
  store: EventStore,
  p: Projection<T>,
  asOf: AsOf = {},
  onProgress?: (scannedTo: number, headPosition: number) => void,
): Promise<MemoryRows<T>> {
  const memory = new MemoryRows(p);
  const agency = p.agencyScoped === false ? undefined : asOf.agency;
  const filter = { types: p.eventTypes, agency, upTo: asOf.position, occurredUpTo: asOf.occurredAt, recordedUpTo: asOf.recordedAt };
  let after = 0;
  for (;;) {
    const slice = await store.readAll({ ...filter, after, limit: 10_000 });
    for (const event of slice.events) p.apply(event, memory);
    after = slice.scannedTo;
    onProgress?.(after, asOf.position ?? (slice.endOfLog ? after : Math.max(after, await store.headPosition())));
    if (slice.endOfLog || (asOf.position !== undefined && after >= asOf.position)) break;
  }
  return memory;
}
