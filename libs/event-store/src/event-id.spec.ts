import { newEventId } from './event-id';

describe('newEventId', () => {
  it('is a lower-case UUIDv7 carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 26, 12, 0, 0, 123);
    const id = newEventId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('orders ids of different milliseconds by time, and never repeats', () => {
    const ids = [newEventId(1_000), newEventId(2_000), newEventId(1_700_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    const many = new Set(Array.from({ length: 10_000 }, () => newEventId(5)));
    expect(many.size).toBe(10_000);
  });
});
