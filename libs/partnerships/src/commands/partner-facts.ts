import type { EventStore } from '@ancrage/event-store';
import { fold } from '@ancrage/shared-kernel';
import { partnerDecider } from '../domain/partner.decider';
import type { PartnerFacts } from '../domain/partnership.decider';
import { PartnerEvent, partnerStream } from '../domain/partnerships.events';

/** A partner's current facts, folded from its own stream (strongly consistent). */
export async function partnerFacts(store: EventStore, partnerId: string): Promise<PartnerFacts> {
  const events = await store.readStream(partnerStream(partnerId));
  const state = fold(
    partnerDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as PartnerEvent),
  );
  return { exists: state.exists, closed: state.closed, category: state.category };
}
