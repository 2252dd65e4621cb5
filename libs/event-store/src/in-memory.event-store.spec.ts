import { InMemoryEventStore } from './in-memory.event-store';
import { eventStoreContract } from '@ancrage/event-store/testing';

eventStoreContract('in-memory', async (upcasters) => {
  const store = new InMemoryEventStore(upcasters);
  return { store, teardown: () => store.close() };
});
