import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../envelope';

/** A well-formed event for store tests; override what the test is about. */
export function newEvent(overrides: Partial<NewEvent> & { agency?: string | null } = {}): NewEvent {
  const { agency = '75001', ...rest } = overrides;
  return {
    eventId: randomUUID(),
    type: 'ContactLogged',
    schemaVersion: 1,
    data: { channel: 'meeting', note: 'Réunion avec la Mission locale' },
    metadata: {
      actor: 'user-1',
      role: 'manager',
      agency,
      correlationId: randomUUID(),
      causationId: null,
      idempotencyKey: null,
      occurredAt: '2018-03-14T09:00:00.000Z',
    },
    ...rest,
  };
}
