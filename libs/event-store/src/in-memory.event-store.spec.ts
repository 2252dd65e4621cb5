import { InMemoryEventStore } from './in-memory.event-store';
import { eventStoreContract } from './testing';

eventStoreContract('in-memory', (upcasters) => {
  const store = new InMemoryEventStore(upcasters);
  return Promise.resolve({ store, teardown: () => store.close() });
});
