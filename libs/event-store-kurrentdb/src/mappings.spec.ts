import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  ANY,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  type RecordedEvent as KurrentRecordedEvent,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, type NewEvent, WrongExpectedVersionError } from '@ancrage/event-store';
import { allFilterOf, appendErrorOf, eventDataOf, positionOf, readPositionOf, recordedEventOf, streamStateOf } from './mappings';

const serviceError = (code: status, message: string, metadata = new Metadata()): ServiceError =>
  Object.assign(new Error(message), { code, details: message, metadata });

const event: NewEvent = {
  eventId: '0190d2a0-0000-7000-8000-000000000001',
  type: 'PaymentRecorded',
  schemaVersion: 2,
  data: { zèbre: 1, amountCents: 12_000 },
  metadata: {
    actor: 'manager-62001',
    role: 'manager',
    agency: '62001',
    correlationId: 'c-1',
    causationId: null,
    idempotencyKey: 'k-1',
    occurredAt: '2018-03-14T12:00:00.000Z',
  },
};

describe('KurrentDB mappings', () => {
  it('gives the expected version as the client’s stream state', () => {
    expect(streamStateOf('any')).toBe(ANY);
    expect(streamStateOf('no_stream')).toBe(NO_STREAM);
    expect(streamStateOf(0)).toBe(0n);
    expect(streamStateOf(41)).toBe(41n);
  });

  it('turns the client’s errors into the port’s: a stale version is the typed conflict, an unreachable leader is retryable', () => {
    const stale = appendErrorOf(
      new KurrentWrongExpectedVersionError(undefined, { streamName: 'fund-62001-2018', expected: 3n, current: 5n }),
      'fund-62001-2018',
      3,
    );
    expect(stale).toBeInstanceOf(WrongExpectedVersionError);
    expect(stale).toMatchObject({ streamId: 'fund-62001-2018', expected: 3, actual: 5 });
    const missing = appendErrorOf(
      new KurrentWrongExpectedVersionError(undefined, { streamName: 'fund-62001-2019', expected: 0n, current: NO_STREAM }),
      'fund-62001-2019',
      0,
    );
    expect(missing).toMatchObject({ actual: -1 });
    const leader = new Metadata();
    leader.set('leader-endpoint-host', 'node2');
    leader.set('leader-endpoint-port', '2113');
    for (const error of [
      new NotLeaderError(serviceError(status.NOT_FOUND, 'Leader info available', leader)),
      new UnavailableError(serviceError(status.UNAVAILABLE, 'no connection established')),
      new DeadlineExceededError(serviceError(status.DEADLINE_EXCEEDED, 'deadline exceeded')),
    ]) {
      const mapped = appendErrorOf(error, 's', 'any');
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as EventStoreUnavailableError).cause).toBe(error);
      // Only a deadline leaves open whether the server wrote.
      expect((mapped as EventStoreUnavailableError).outcomeUnknown).toBe(error instanceof DeadlineExceededError);
    }
    // A connection that cannot be made is gRPC's own error.
    expect(appendErrorOf(serviceError(status.UNAVAILABLE, 'No connection established'), 's', 'any')).toBeInstanceOf(
      EventStoreUnavailableError,
    );
    expect(appendErrorOf(serviceError(status.PERMISSION_DENIED, 'denied'), 's', 'any')).not.toBeInstanceOf(EventStoreUnavailableError);
    const other = new Error('anything else');
    expect(appendErrorOf(other, 's', 'any')).toBe(other);
  });

  it('keeps the event id, the type and the envelope, with the schema version and KurrentDB’s correlation names', () => {
    const data = eventDataOf(event);
    expect(data).toMatchObject({ id: event.eventId, type: 'PaymentRecorded', contentType: 'application/json', data: event.data });
    expect(data.metadata).toEqual({ ...event.metadata, schemaVersion: 2, $correlationId: 'c-1' });
    expect(eventDataOf({ ...event, metadata: { ...event.metadata, causationId: 'e-0' } }).metadata).toMatchObject({ $causationId: 'e-0' });
  });

  it('reads back the port’s envelope, with the server’s revision, commit position and creation instant', () => {
    const stored = eventDataOf(event);
    const recorded = {
      streamId: 'fund-62001-2018',
      id: event.eventId,
      isJson: true,
      revision: 7n,
      type: 'PaymentRecorded',
      created: new Date('2026-12-08T10:00:00.123Z'),
      data: event.data,
      metadata: stored.metadata,
      position: { commit: 18_446_300n, prepare: 18_446_300n },
    } as unknown as KurrentRecordedEvent;
    expect(recordedEventOf(recorded, { hash: 'ab'.repeat(32) })).toEqual({
      eventId: event.eventId,
      type: 'PaymentRecorded',
      schemaVersion: 2,
      streamId: 'fund-62001-2018',
      streamVersion: 7,
      position: 18_446_300,
      data: event.data,
      metadata: { ...event.metadata, recordedAt: '2026-12-08T10:00:00.123Z' },
      hash: 'ab'.repeat(32),
      digestForm: 2,
    });
    expect(() => recordedEventOf({ ...recorded, isJson: false } as unknown as KurrentRecordedEvent, { hash: '' })).toThrow(/not JSON/);
  });

  it('takes positions as the server’s commit positions, never assuming the next one is position + 1', () => {
    expect(positionOf({ commit: 1234n, prepare: 1234n })).toBe(1234);
    expect(() => positionOf({ commit: 2n ** 60n, prepare: 2n ** 60n })).toThrow(/exceeds/);
    expect(() => positionOf(undefined)).toThrow(/position/);
    expect(() => positionOf({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toThrow(/stream read carries no commit position/);
    expect(readPositionOf(1234)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('filters $all on the server by streams, else types, else the agency’s streams, and checks the rest on each event', () => {
    const e = (type: string, streamId: string, agency: string | null) => ({
      type,
      streamId,
      metadata: { ...event.metadata, recordedAt: '', agency },
    });
    const byType = allFilterOf({ types: ['PaymentRecorded', 'Commitment.Made'] });
    expect(byType.server).toMatchObject({ filterOn: 'eventType', regex: '^(PaymentRecorded|Commitment\\.Made)$' });
    expect(byType.keep(e('PaymentRecorded', 'fund-62001-2018', '62001'))).toBe(true);
    expect(byType.keep(e('ContactLogged', 'partnership-62001-ml', '62001'))).toBe(false);

    const both = allFilterOf({ types: ['PartnerRenamed'], streams: ['partner-ml-berck'] });
    expect(both.server).toMatchObject({ filterOn: 'streamName', regex: '^(partner-ml-berck)$' });
    expect(both.keep(e('PartnerRegistered', 'partner-ml-berck', null))).toBe(false);

    const agency = allFilterOf({ agency: '62001' });
    expect(agency.server).toMatchObject({ filterOn: 'streamName', regex: '^([a-z][a-z-]*-62001(-|$)|campaign-.*|basin-.*)' });
    const agencyStreams = new RegExp('regex' in agency.server ? agency.server.regex : '$^');
    // Its own streams, and the streams several agencies write to; never another agency's.
    const read = ['action-plan-62001-2018', 'fund-62001-2018', 'partnership-62001-ml-berck', 'campaign-saison-2018', 'basin-3213'];
    expect(read.every((s) => agencyStreams.test(s))).toBe(true);
    expect(['fund-620011-2018', 'fund-62002-2018', 'agency-62002'].some((s) => agencyStreams.test(s))).toBe(false);
    // The envelope's agency decides, whatever a stream name says.
    expect(agency.keep(e('ContactLogged', 'partnership-62001-x', '62002'))).toBe(false);

    const all = allFilterOf({});
    expect(all.server).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(all.keep(e('$metadata', '$$fund', null))).toBe(false);
  });
});
