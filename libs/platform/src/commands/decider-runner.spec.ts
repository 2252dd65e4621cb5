import { InMemoryEventStore } from '@ancrage/event-store';
import { Decider, DomainError } from '@ancrage/shared-kernel';
import { DeciderRunner, deterministicId, Rehearsal } from './decider-runner';

// A budget that refuses to go below zero: enough to exercise retries and idempotency.
type Ev = { type: 'Credited' | 'Debited'; data: { amount: number } };
type Cmd = { kind: 'credit' | 'debit'; amount: number };
const budget: Decider<Cmd, Ev, { balance: number }> = {
  initialState: () => ({ balance: 0 }),
  evolve: (s, e) => ({ balance: s.balance + (e.type === 'Credited' ? e.data.amount : -e.data.amount) }),
  decide: (c, s) => {
    if (c.kind === 'debit' && c.amount > s.balance) throw new DomainError('INSUFFICIENT', 'not enough left');
    return [{ type: c.kind === 'credit' ? 'Credited' : 'Debited', data: { amount: c.amount } }];
  },
};
const ctx = { actor: 'u1', role: 'manager', correlationId: 'c1' };

describe('DeciderRunner', () => {
  it('rehearses commands over the real log and what the rehearsal appended, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store);
    const run = (command: Cmd, context: object = ctx) =>
      runner.run({ streamId: 'b', agency: null, decider: budget, command, context: { ...ctx, ...context } });
    await run({ kind: 'credit', amount: 5 }, { idempotencyKey: 'k-credit' });
    const rehearsal = new Rehearsal(store);
    // The real credit is there, a replayed key is recognised, and each rehearsed debit counts for the next.
    expect((await run({ kind: 'credit', amount: 5 }, { idempotencyKey: 'k-credit', rehearsal })).replayed).toBe(true);
    expect((await run({ kind: 'debit', amount: 3 }, { rehearsal })).events).toHaveLength(1);
    await expect(run({ kind: 'debit', amount: 3 }, { rehearsal })).rejects.toThrow('not enough left');
    expect(await store.headPosition()).toBe(1);
    // The real log never saw the rehearsal: the same debit twice is fine there.
    await run({ kind: 'debit', amount: 3 });
    expect(await store.headPosition()).toBe(2);
  });

  it('writes where an imported fact came from into its metadata', async () => {
    const store = new InMemoryEventStore();
    const source = { kind: 'contacts', file: 'contacts.xlsx', fileSha256: 'ab'.repeat(32), row: 7 };
    await new DeciderRunner(store).run({
      streamId: 'b',
      agency: null,
      decider: budget,
      command: { kind: 'credit', amount: 1 },
      context: { ...ctx, source },
    });
    expect((await store.readStream('b'))[0].metadata.source).toEqual(source);
  });

  it('appends the decided events with the acting user in their metadata', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store, () => new Date('2018-04-01T00:00:00Z'));
    const out = await runner.run({
      streamId: 'b',
      agency: '75001',
      decider: budget,
      command: { kind: 'credit', amount: 10 },
      context: ctx,
    });
    expect(out).toMatchObject({ positions: [1], position: 1, streamVersion: 0, replayed: false });
    const [e] = await store.readStream('b');
    expect(e.metadata).toMatchObject({
      actor: 'u1',
      role: 'manager',
      agency: '75001',
      correlationId: 'c1',
      occurredAt: '2018-04-01T00:00:00.000Z',
    });
  });

  it('retries on a version conflict, so concurrent commands never break the rule together', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store);
    await runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'credit', amount: 5 }, context: ctx });
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'debit', amount: 1 }, context: ctx }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(5);
    expect(attempts.filter((a) => a.status === 'rejected').every((a) => a.reason instanceof DomainError)).toBe(true);
  });

  it('records every one of many concurrent additive commands on one stream (no conflict reaches the caller)', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store);
    await runner.run({ streamId: 'busy', agency: null, decider: budget, command: { kind: 'credit', amount: 1 }, context: ctx });
    const credits = await Promise.allSettled(
      Array.from({ length: 60 }, () =>
        runner.run({ streamId: 'busy', agency: null, decider: budget, command: { kind: 'credit', amount: 1 }, context: ctx }),
      ),
    );
    expect(credits.filter((c) => c.status === 'rejected')).toEqual([]);
    expect(await store.readStream('busy')).toHaveLength(61);
  });

  it('appends commands independent of the state at any version: many writers, one attempt each', async () => {
    const store = new InMemoryEventStore();
    const expectations: unknown[] = [];
    const append = store.append.bind(store);
    store.append = (streamId, events, expected) => {
      expectations.push(expected);
      return append(streamId, events, expected);
    };
    const additive = { ...budget, independentOfState: (c: Cmd) => c.kind === 'credit' };
    const runner = new DeciderRunner(store);
    const credits = await Promise.allSettled(
      Array.from({ length: 60 }, () =>
        runner.run({ streamId: 'busy', agency: null, decider: additive, command: { kind: 'credit', amount: 1 }, context: ctx }),
      ),
    );
    expect(credits.filter((c) => c.status === 'rejected')).toEqual([]);
    expect(expectations).toHaveLength(60);
    expect(new Set(expectations)).toEqual(new Set(['any']));
    expect((await store.readStream('busy')).map((e) => e.streamVersion)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // A debit reads the balance: it keeps the version check.
    await runner.run({ streamId: 'busy', agency: null, decider: additive, command: { kind: 'debit', amount: 1 }, context: ctx });
    expect(expectations.at(-1)).toBe(59);
  });

  it('returns the first outcome when a request is retried with the same idempotency key', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store);
    await runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'credit', amount: 3 }, context: ctx });
    const keyed = { ...ctx, idempotencyKey: 'pay-1' };
    const first = await runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'debit', amount: 3 }, context: keyed });
    // Deciding again would fail (nothing left): the retry must not decide again.
    const retry = await runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'debit', amount: 3 }, context: keyed });
    expect(retry).toMatchObject({ positions: first.positions, replayed: true });
    expect(await store.readStream('b')).toHaveLength(2);
  });

  it('records once when two identical keyed requests race', async () => {
    const store = new InMemoryEventStore();
    const runner = new DeciderRunner(store);
    const keyed = { ...ctx, idempotencyKey: 'k' };
    const both = await Promise.all(
      [0, 1].map(() =>
        runner.run({ streamId: 'b', agency: null, decider: budget, command: { kind: 'credit', amount: 1 }, context: keyed }),
      ),
    );
    expect(both[0].positions).toEqual(both[1].positions);
    expect(await store.readStream('b')).toHaveLength(1);
  });

  it('derives stable UUIDs from stream, key and rank', () => {
    expect(deterministicId('s', 'k', 0)).toBe(deterministicId('s', 'k', 0));
    expect(deterministicId('s', 'k', 0)).not.toBe(deterministicId('s', 'k', 1));
    expect(deterministicId('s', 'k', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
