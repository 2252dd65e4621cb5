import { Metadata, Server, ServerCredentials, type ServerReadableStream, type sendUnaryData, status } from '@grpc/grpc-js';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { AppendReq, AppendResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { EventStoreUnavailableError, type NewEvent, WrongExpectedVersionError } from '@ancrage/event-store';
import { KurrentDbAppends } from './kurrentdb-appends';

/**
 * The adapter's gRPC conversation, against an in-process gRPC server built from the protocol
 * definitions the client package ships. The server is a test double for the wire, not a store: it
 * records what it is sent and answers what the script says, in order.
 */
type Reply =
  | { kind: 'success'; revision: bigint; commit: bigint }
  | { kind: 'wrong-version'; current: bigint | null }
  | { kind: 'not-leader'; port: () => number }
  | { kind: 'unavailable' };

interface Received {
  stream: string;
  expected: string;
  events: { id: string; type: string; contentType: string; data: unknown; metadata: unknown }[];
}

class ScriptedStreams {
  readonly received: Received[] = [];
  readonly replies: Reply[] = [];
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new Server();
    server.addService(StreamsService, {
      append: (call: ServerReadableStream<AppendReq, AppendResp>, done: sendUnaryData<AppendResp>) => this.append(call, done),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (e, bound) => (e ? reject(e) : resolve(bound))),
    );
    this.server = server;
  }

  stop(): void {
    this.server?.forceShutdown();
    this.server = null;
  }

  private append(call: ServerReadableStream<AppendReq, AppendResp>, done: sendUnaryData<AppendResp>) {
    const request: Received = { stream: '', expected: '', events: [] };
    call.on('data', (m: AppendReq) => {
      const options = m.getOptions();
      if (options) {
        request.stream = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        const revisionCase = options.getExpectedStreamRevisionCase();
        request.expected = options.hasAny() ? 'any' : options.hasNoStream() ? 'no_stream' : revisionCase ? options.getRevision() : '?';
      }
      const proposed = m.getProposedMessage();
      if (proposed) {
        const meta = proposed.getMetadataMap();
        request.events.push({
          id: proposed.getId()!.getString(),
          type: meta.get('type') ?? '',
          contentType: meta.get('content-type') ?? '',
          data: JSON.parse(Buffer.from(proposed.getData_asU8()).toString('utf8')),
          metadata: JSON.parse(Buffer.from(proposed.getCustomMetadata_asU8()).toString('utf8')),
        });
      }
    });
    call.on('end', () => {
      this.received.push(request);
      const reply = this.replies.shift() ?? { kind: 'unavailable' };
      if (reply.kind === 'unavailable')
        return done({ code: status.UNAVAILABLE, details: 'scripted: unavailable', metadata: new Metadata() });
      if (reply.kind === 'not-leader') {
        const metadata = new Metadata();
        metadata.set('exception', 'not-leader');
        metadata.set('leader-endpoint-host', '127.0.0.1');
        metadata.set('leader-endpoint-port', String(reply.port()));
        return done({ code: status.NOT_FOUND, details: 'Leader info available', metadata });
      }
      const resp = new AppendResp();
      if (reply.kind === 'success') {
        const success = new AppendResp.Success();
        success.setCurrentRevision(reply.revision.toString());
        const position = new AppendResp.Position();
        position.setCommitPosition(reply.commit.toString());
        position.setPreparePosition(reply.commit.toString());
        success.setPosition(position);
        resp.setSuccess(success);
      } else {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (reply.current === null) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(reply.current.toString());
        resp.setWrongExpectedVersion(wrong);
      }
      done(null, resp);
    });
  }
}

const event = (n: number): NewEvent => ({
  eventId: `0190d2a0-0000-7000-8000-00000000000${n}`,
  type: 'PaymentRecorded',
  schemaVersion: 1,
  data: { amountCents: n * 100, note: 'réunion' },
  metadata: {
    actor: 'manager-62001',
    role: 'manager',
    agency: '62001',
    correlationId: `c-${n}`,
    causationId: null,
    idempotencyKey: 'k',
    occurredAt: '2018-03-14T12:00:00.000Z',
  },
});

describe('the KurrentDB adapter on the wire', () => {
  const wire = new ScriptedStreams();
  let client: KurrentDBClient;
  const slept: number[] = [];
  const appends = () =>
    new KurrentDbAppends(client, { attempts: 4, firstDelayMs: 5 }, (ms) => {
      slept.push(ms);
      return new Promise((r) => setTimeout(r, ms));
    });

  beforeAll(async () => {
    await wire.start();
    client = KurrentDBClient.connectionString`kurrentdb://127.0.0.1:${wire.port}?tls=false`;
  });
  afterAll(async () => {
    await client.dispose();
    wire.stop();
  });
  beforeEach(() => {
    wire.received.length = 0;
    wire.replies.length = 0;
    slept.length = 0;
  });

  it('sends the stream, the expected revision and each event with its id, type, JSON data and envelope; maps the answer', async () => {
    wire.replies.push({ kind: 'success', revision: 4n, commit: 90_210n });
    const result = await appends().append('fund-62001-2018', [event(1), event(2)], 2);
    expect(result).toEqual({ streamVersion: 4, position: 90_210 });
    expect(wire.received).toEqual([
      {
        stream: 'fund-62001-2018',
        expected: '2',
        events: [1, 2].map((n) => ({
          id: event(n).eventId,
          type: 'PaymentRecorded',
          contentType: 'application/json',
          data: event(n).data,
          metadata: { ...event(n).metadata, schemaVersion: 1, $correlationId: `c-${n}` },
        })),
      },
    ]);
    wire.replies.push({ kind: 'success', revision: 0n, commit: 90_500n });
    await appends().append('fund-62001-2019', [event(3)], 'no_stream');
    expect(wire.received.at(-1)).toMatchObject({ expected: 'no_stream' });
  });

  it('answers a wrong expected version with the port’s conflict, without retrying', async () => {
    wire.replies.push({ kind: 'wrong-version', current: 7n });
    await expect(appends().append('fund-62001-2018', [event(1)], 2)).rejects.toEqual(
      new WrongExpectedVersionError('fund-62001-2018', 2, 7),
    );
    wire.replies.push({ kind: 'wrong-version', current: null });
    await expect(appends().append('fund-62001-2020', [event(1)], 0)).rejects.toMatchObject({ actual: -1 });
    expect(wire.received).toHaveLength(2);
    expect(slept).toEqual([]);
  });

  it('asks again, with the same event ids and backoff, when the node is not the leader or the server is unavailable', async () => {
    wire.replies.push(
      { kind: 'not-leader', port: () => wire.port },
      { kind: 'unavailable' },
      { kind: 'success', revision: 3n, commit: 91_000n },
    );
    const result = await appends().append('fund-62001-2018', [event(4)], 2);
    expect(result).toEqual({ streamVersion: 3, position: 91_000 });
    expect(wire.received.map((r) => r.events.map((e) => e.id))).toEqual([[event(4).eventId], [event(4).eventId], [event(4).eventId]]);
    expect(slept).toEqual([5, 10]);
  });

  it('gives up after its attempts with a retryable error, then reconnects once the server is back', async () => {
    await expect(appends().append('fund-62001-2018', [event(5)], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(wire.received).toHaveLength(4);
    expect(slept).toEqual([5, 10, 20]);

    const port = wire.port;
    wire.stop();
    // Attempts enough to outlast the restart: the backoff doubles from 20 ms.
    const patient = new KurrentDbAppends(client, { attempts: 10, firstDelayMs: 20 });
    const pending = patient.append('fund-62001-2018', [event(6)], 'any');
    await new Promise((r) => setTimeout(r, 20));
    await wire.start(port);
    wire.replies.push({ kind: 'success', revision: 9n, commit: 92_000n });
    await expect(pending).resolves.toEqual({ streamVersion: 9, position: 92_000 });
  });
});
