import type { EventStore } from '@ancrage/event-store';
import { fold } from '@ancrage/shared-kernel';
import { partnerDecider } from '../domain/partner.decider';
import { type PartnerFacts, partnershipDecider } from '../domain/partnership.decider';
import { PartnerEvent, PartnershipEvent, partnershipStream, partnerStream } from '../domain/partnerships.events';

/** A partner's current facts, folded from its own stream (strongly consistent). */
export async function partnerFacts(store: EventStore, partnerId: string): Promise<PartnerFacts> {
  const events = await store.readStream(partnerStream(partnerId));
  const state = fold(
    partnerDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as PartnerEvent),
  );
  return { exists: state.exists, closed: state.closed, category: state.category };
}

/** What a document needs to know of the agreement it is attached to: that it exists, and its signature day. */
export interface AgreementFacts {
  exists: boolean;
  terminated: boolean;
  signedOn: string | null;
}

/** An agreement's current facts, folded from its partnership's stream (strongly consistent). */
export async function agreementFacts(store: EventStore, safir: string, partnerId: string, agreementId: string): Promise<AgreementFacts> {
  const events = await store.readStream(partnershipStream(safir, partnerId));
  const state = fold(
    partnershipDecider,
    events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt }) as PartnershipEvent),
  );
  const agreement = state.agreements.find((a) => a.agreementId === agreementId);
  return { exists: agreement !== undefined, terminated: agreement?.terminated ?? false, signedOn: agreement?.signedOn ?? null };
}
