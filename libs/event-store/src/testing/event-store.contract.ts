import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedVersionError } from '../errors';
import { UpcasterRegistry } from '../upcasters';
import { verifyChain } from '../verify-chain';
import type { RecordedEvent } from '../envelope';
import { newEvent } from './event-fixtures';

export interface ContractSubject {
  store: EventStore;
  teardown(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with a factory
 * that returns a store over an empty log, with `upcasters` registered.
 */
export function eventStoreContract(adapterName: string, makeStore: (upcasters: UpcasterRegistry) => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const upcasters = new UpcasterRegistry().register('LegacyRenamed', 1, (d: { old: string }) => ({ renamed: d.old }));

    beforeEach(async () => {
      subject = await makeStore(upcasters);
      store = subject.store;
    });
    afterEach(async () => {
      await subject.teardown();
    });

    describe('append', () => {
      it('appends a batch to a new stream with contiguous versions and increasing positions', async () => {
        const result = await store.append('partnership-75001-p1', [newEvent(), newEvent(), newEvent()], 'no_stream');
        expect(result.streamVersion).toBe(2);
        expect(result.alreadyRecorded).toBe(false);
        expect(result.positions).toHaveLength(3);
        expect(result.positions[1]).toBeGreaterThan(result.positions[0]);
        expect(result.positions[2]).toBeGreaterThan(result.positions[1]);
        const read = await store.readStream('partnership-75001-p1');
        expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
        expect(read.map((e) => e.position)).toEqual(result.positions);
        expect(await store.headPosition()).toBe(result.positions[2]);
      });

      it('accepts the exact expected version and refuses a stale one with the actual version', async () => {
        await store.append('s', [newEvent(), newEvent()], 'no_stream');
        await store.append('s', [newEvent()], 1);
        const stale = store.append('s', [newEvent()], 1);
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.append('s', [newEvent()], 1)).rejects.toMatchObject({ streamId: 's', expected: 1, actual: 2 });
        expect(await store.readStream('s')).toHaveLength(3);
      });

      it("refuses 'no_stream' on an existing stream and an exact version on a missing one", async () => {
        await store.append('s', [newEvent()], 'no_stream');
        await expect(store.append('s', [newEvent()], 'no_stream')).rejects.toMatchObject({ actual: 0 });
        await expect(store.append('missing', [newEvent()], 0)).rejects.toMatchObject({ actual: -1 });
      });

      it("appends with 'any' whatever the version", async () => {
        await store.append('s', [newEvent()], 'any');
        const r = await store.append('s', [newEvent()], 'any');
        expect(r.streamVersion).toBe(1);
      });

      it('writes nothing of a batch that is refused', async () => {
        await store.append('s', [newEvent()], 'no_stream');
        const head = await store.headPosition();
        await expect(store.append('s', [newEvent(), newEvent()], 5)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.append('s', [newEvent(), { ...newEvent(), eventId: 'not-a-uuid' }], 0)).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        const twice = newEvent();
        await expect(store.append('s', [twice, twice], 0)).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('s', [], 0)).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('s', [{ ...newEvent(), data: undefined }], 0)).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream('s')).toHaveLength(1);
      });

      it('refuses a NUL character anywhere in data or metadata, and keeps a written-out "\\u0000"', async () => {
        const withNul = [
          newEvent({ data: { list: [{ note: 'a\u0000b' }] } }),
          newEvent({ data: { ['key\u0000']: 1 } }),
          { ...newEvent(), metadata: { ...newEvent().metadata, actor: 'x\u0000' } },
        ];
        const paths = ['data.list[0].note', 'data."key\\u0000"', 'metadata.actor'];
        for (const [i, e] of withNul.entries()) {
          const refusal = store.append('s', [newEvent(), e], 'any');
          await expect(refusal).rejects.toBeInstanceOf(InvalidAppendError);
          await expect(refusal).rejects.toThrow(`NUL character at ${paths[i]}`);
        }
        expect(await store.headPosition()).toBe(0);
        const literal = newEvent({ data: { note: 'C:\\u0000 is not a NUL' } });
        await store.append('s', [literal], 'no_stream');
        expect((await store.readStream('s'))[0].data).toEqual({ note: 'C:\\u0000 is not a NUL' });
      });

      it('is idempotent: the same event ids again return the original positions and write nothing', async () => {
        const batch = [newEvent(), newEvent()];
        const first = await store.append('fund-75001-2018', batch, 'no_stream');
        await store.append('other', [newEvent()], 'no_stream');
        const head = await store.headPosition();
        // A retry does not know the new version; the original answer comes back anyway.
        const again = await store.append('fund-75001-2018', batch, 'no_stream');
        expect(again).toEqual({ ...first, alreadyRecorded: true });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream('fund-75001-2018')).toHaveLength(2);
      });

      it('refuses an event id reused for a different payload, or in another stream', async () => {
        const e = newEvent();
        await store.append('s', [e], 'no_stream');
        await expect(store.append('s', [{ ...e, data: { changed: true } }], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(store.append('t', [e], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(store.append('s', [e, newEvent()], 'any')).rejects.toMatchObject({ eventId: e.eventId });
        expect(await store.readStream('s')).toHaveLength(1);
        expect(await store.readStream('t')).toHaveLength(0);
      });
    });

    describe('envelope', () => {
      it('stores the whole envelope and stamps recordedAt', async () => {
        const e = newEvent({
          type: 'ExpenditureCommitted',
          schemaVersion: 2,
          data: { amountCents: 125000, category: 'DEROGATORY_MOBILITY_AID', nested: { a: [1, 'é', null] } },
        });
        e.metadata = { ...e.metadata, causationId: randomUUID(), idempotencyKey: 'key-1', role: 'director' };
        const before = Date.now();
        await store.append('fund-75001-2018', [e], 'no_stream');
        const [read] = await store.readStream('fund-75001-2018');
        expect(read).toMatchObject({
          eventId: e.eventId,
          type: 'ExpenditureCommitted',
          schemaVersion: 2,
          streamId: 'fund-75001-2018',
          streamVersion: 0,
          data: e.data,
          metadata: { ...e.metadata },
        });
        expect(Date.parse(read.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(read.metadata.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(read.hash).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    describe('reads', () => {
      it('reads one stream between versions', async () => {
        await store.append(
          's',
          Array.from({ length: 6 }, () => newEvent()),
          'no_stream',
        );
        const middle = await store.readStream('s', { fromVersion: 2, toVersion: 4 });
        expect(middle.map((e) => e.streamVersion)).toEqual([2, 3, 4]);
        expect(await store.readStream('nothing')).toEqual([]);
      });

      it('reads the global log forward in batches', async () => {
        for (let i = 0; i < 5; i++) await store.append(`s${i}`, [newEvent(), newEvent()], 'no_stream');
        const seen: number[] = [];
        let after = 0;
        for (;;) {
          const slice = await store.readAll({ after, limit: 3 });
          seen.push(...slice.events.map((e) => e.position));
          after = slice.scannedTo;
          if (slice.endOfLog) break;
        }
        expect(seen).toHaveLength(10);
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
        expect(new Set(seen).size).toBe(10);
      });

      it('filters the global log by event type and by agency, and says how far it scanned', async () => {
        await store.append('a', [newEvent({ type: 'AgreementSigned', agency: '75001' })], 'no_stream');
        await store.append('b', [newEvent({ type: 'ContactLogged', agency: '13002' })], 'no_stream');
        await store.append('c', [newEvent({ type: 'AgreementSigned', agency: '13002' })], 'no_stream');
        await store.append('d', [newEvent({ type: 'ContactLogged', agency: null })], 'no_stream');
        const head = await store.headPosition();

        const signed = await store.readAll({ types: ['AgreementSigned'] });
        expect(signed.events.map((e) => e.streamId)).toEqual(['a', 'c']);
        expect(signed.scannedTo).toBe(head);
        expect(signed.endOfLog).toBe(true);

        const marseille = await store.readAll({ agency: '13002' });
        expect(marseille.events.map((e) => e.streamId)).toEqual(['b', 'c']);

        const both = await store.readAll({ agency: '13002', types: ['ContactLogged'] });
        expect(both.events.map((e) => e.streamId)).toEqual(['b']);

        const firstOnly = await store.readAll({ types: ['AgreementSigned'], limit: 1 });
        expect(firstOnly.events.map((e) => e.streamId)).toEqual(['a']);
        expect(firstOnly.endOfLog).toBe(false);

        const bounded = await store.readAll({ upTo: signed.events[0].position });
        expect(bounded.events.map((e) => e.streamId)).toEqual(['a']);

        const [b, c] = marseille.events;
        const marseilleAfterB = await store.readAll({ agency: '13002', after: b.position });
        expect(marseilleAfterB.events.map((e) => e.streamId)).toEqual(['c']);
        const marseilleUpToB = await store.readAll({ agency: '13002', upTo: c.position - 1 });
        expect(marseilleUpToB.events.map((e) => e.streamId)).toEqual(['b']);
      });

      it('filters by when events occurred and when they were recorded, bounds included', async () => {
        const at = (occurredAt: string) => newEvent({ metadata: { ...newEvent().metadata, occurredAt } });
        await store.append('early', [at('2017-06-30T23:59:59.999Z')], 'no_stream');
        await store.append('late', [at('2017-07-01T00:00:00.000Z')], 'no_stream');
        const head = await store.headPosition();

        const june = await store.readAll({ occurredUpTo: '2017-06-30T23:59:59.999Z' });
        expect(june.events.map((e) => e.streamId)).toEqual(['early']);
        expect(june.scannedTo).toBe(head);

        const all = await store.readAll();
        const firstRecorded = all.events[0].metadata.recordedAt;
        const known = await store.readAll({ recordedUpTo: firstRecorded });
        expect(known.events.every((e) => e.metadata.recordedAt <= firstRecorded)).toBe(true);
        expect(known.events.map((e) => e.streamId)).toContain('early');
        const before = await store.readAll({ recordedUpTo: new Date(Date.parse(firstRecorded) - 1).toISOString() });
        expect(before.events).toEqual([]);
      });

      it('reads the latest events newest first, page by page, and counts what a filter selects', async () => {
        for (let i = 0; i < 7; i++) {
          const agency = i % 2 === 0 ? '75001' : '13002';
          const occurredAt = `2018-0${i + 1}-15T09:00:00.000Z`;
          await store.append(
            `s-${i}`,
            [
              newEvent({
                type: i === 4 ? 'AgreementSigned' : 'ContactLogged',
                agency,
                metadata: { ...newEvent().metadata, agency, occurredAt },
              }),
            ],
            'no_stream',
          );
        }
        const paris = { agency: '75001' };
        expect(await store.countAll(paris)).toBe(4);
        expect(await store.countAll()).toBe(7);
        const first = await store.readBackward({ ...paris, limit: 3 });
        expect(first.map((e) => e.streamId)).toEqual(['s-6', 's-4', 's-2']);
        const second = await store.readBackward({ ...paris, limit: 3, upTo: first[2].position - 1 });
        expect(second.map((e) => e.streamId)).toEqual(['s-0']);
        expect(await store.countAll({ ...paris, upTo: first[2].position - 1 })).toBe(1);

        const byJune = { ...paris, occurredUpTo: '2018-06-30T23:59:59.999Z' };
        expect((await store.readBackward(byJune)).map((e) => e.streamId)).toEqual(['s-4', 's-2', 's-0']);
        expect(await store.countAll(byJune)).toBe(3);
        expect((await store.readBackward({ types: ['AgreementSigned'] })).map((e) => e.streamId)).toEqual(['s-4']);
        expect(await store.countAll({ types: ['AgreementSigned'], agency: '13002' })).toBe(0);
        expect((await store.readBackward({ limit: 2 })).map((e) => e.streamId)).toEqual(['s-6', 's-5']);

        const someStreams = { streams: ['s-1', 's-4', 's-5', 'none'] };
        expect((await store.readBackward(someStreams)).map((e) => e.streamId)).toEqual(['s-5', 's-4', 's-1']);
        expect((await store.readBackward({ ...someStreams, upTo: first[1].position - 1, limit: 1 })).map((e) => e.streamId)).toEqual([
          's-1',
        ]);
        expect(await store.countAll({ ...someStreams, occurredUpTo: '2018-05-31T00:00:00.000Z' })).toBe(2);
        expect(await store.countAll({ streams: [] })).toBe(0);
      });

      it('applies upcasters on read and keeps the stored form', async () => {
        await store.append('s', [newEvent({ type: 'LegacyRenamed', data: { old: 'x' } })], 'no_stream');
        const [upcast] = await store.readStream('s');
        expect(upcast.schemaVersion).toBe(2);
        expect(upcast.data).toEqual({ renamed: 'x' });
        expect(upcast.stored).toEqual({ schemaVersion: 1, data: { old: 'x' } });
        const [raw] = (await store.readAll({ upcast: false })).events;
        expect(raw.schemaVersion).toBe(1);
        expect(raw.data).toEqual({ old: 'x' });
      });
    });

    describe('following', () => {
      it('wakes a waiting reader when an event is appended', async () => {
        const head = await store.headPosition();
        const started = Date.now();
        const waiting = store.waitForAppend(head, 10_000);
        setTimeout(() => void store.append('s', [newEvent()], 'any'), 50);
        await waiting;
        expect(Date.now() - started).toBeLessThan(9_000);
        expect(await store.headPosition()).toBeGreaterThan(head);
      });

      it('gives a live follower every event exactly once, in order, while many writers append', async () => {
        const writers = 8;
        const appendsPerWriter = 25;
        const expected = writers * appendsPerWriter * 2;
        const seen: RecordedEvent[] = [];
        let stop = false;
        const follower = (async () => {
          let after = 0;
          while (!stop || after < (await store.headPosition())) {
            const slice = await store.readAll({ after, limit: 37 });
            seen.push(...slice.events);
            after = slice.scannedTo;
            if (slice.endOfLog) await store.waitForAppend(after, 200);
          }
        })();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < appendsPerWriter; i++) {
              // Half the writers share streams, so some appends race on versions too.
              const stream = w % 2 === 0 ? `writer-${w}` : `shared-${i % 3}`;
              await store.append(stream, [newEvent(), newEvent()], 'any');
            }
          }),
        );
        stop = true;
        await follower;
        expect(seen).toHaveLength(expected);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(expected);
        for (let i = 1; i < seen.length; i++) expect(seen[i].position).toBeGreaterThan(seen[i - 1].position);
        const byStream = new Map<string, number[]>();
        for (const e of seen) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.streamVersion]);
        for (const versions of byStream.values()) expect(versions).toEqual(versions.map((_, i) => i));
      });
    });

    describe('hash chain', () => {
      it('verifies an untouched log and names its head', async () => {
        for (let i = 0; i < 7; i++) await store.append(`s${i % 2}`, [newEvent(), newEvent()], 'any');
        const verdict = await verifyChain(store, { batchSize: 4 });
        expect(verdict).toMatchObject({ ok: true, checked: 14, headPosition: await store.headPosition() });
      });

      it('links each event to the one before it', async () => {
        await store.append('s', [newEvent(), newEvent()], 'no_stream');
        const [a, b] = await store.readStream('s');
        expect(a.hash).not.toEqual(b.hash);
        expect((await verifyChain(store)).ok).toBe(true);
      });
    });
  });
}
