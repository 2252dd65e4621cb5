import { createHash, randomInt } from 'node:crypto';
import type { EventStore, ImportSource, NewEvent, RecordedEvent } from '@ancrage/event-store';
import { DuplicateEventIdError, newEventId, RehearsalEventStore, WrongExpectedVersionError } from '@ancrage/event-store';
import type { Decider, DomainEvent } from '@ancrage/shared-kernel';
import { KnownStreams } from './known-streams';

/** Who is acting and in which request: written into every event's metadata, never from a body. */
export interface CommandContext {
  actor: string;
  role: string;
  correlationId: string;
  causationId?: string | null;
  idempotencyKey?: string | null;
  /** An imported fact: the file and row it came from, written into its events' metadata. */
  source?: ImportSource;
  /** A dry run: decide and "append" over this rehearsal of the log, which nothing writes. */
  rehearsal?: Rehearsal;
}

/**
 * A dry run of commands: the same handlers, deciders and version checks as a real run, over a
 * rehearsal of the log (RehearsalEventStore) that later commands of the run see and nothing writes.
 */
export class Rehearsal {
  readonly store: RehearsalEventStore;
  readonly streams = new KnownStreams();
  constructor(real: EventStore) {
    this.store = new RehearsalEventStore(real);
  }
}

/** The log a command reads: its rehearsal's in a dry run, else the real one. */
export const logFor = (context: CommandContext, store: EventStore): EventStore => context.rehearsal?.store ?? store;

export interface CommandOutcome<E extends DomainEvent = DomainEvent> {
  streamId: string;
  events: E[];
  /** Global positions written (or found, for a retried request). */
  positions: number[];
  /** Highest position written; a query may ask to be consistent with it. */
  position: number | null;
  streamVersion: number;
  /** True when the idempotency key had already been recorded: nothing new was written. */
  replayed: boolean;
}

export interface RunOptions<C, E extends DomainEvent, S> {
  streamId: string;
  agency: string | null;
  decider: Decider<C, E, S>;
  command: C;
  context: CommandContext;
}

/**
 * Load, fold, decide, append with the expected version; on a version conflict start again from a
 * fresh read. A request retried with the same idempotency key returns the first outcome.
 *
 * A conflict only means another writer came first: the command is decided again on the new state
 * (so a rule such as the fund's envelope still holds) until it is recorded or refused by a rule.
 * Many writers on one stream (a busy partnership) all get through: the back-off grows with each
 * attempt, and only a time budget, not a small count of attempts, bounds the retries.
 */
export class DeciderRunner {
  /** Recently decided streams, folded: a command reads only what was appended since. */
  private readonly streams = new KnownStreams();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly retryBudgetMs = 20_000,
  ) {}

  /**
   * Commands that depend on a stream's state take turns on it within this process: they would
   * otherwise race to append at the same version and all but one start over. Commands that only
   * add facts append at any version and need no turn. Other processes still meet the version check.
   */
  private readonly turns = new Map<string, Promise<unknown>>();

  run<C, E extends DomainEvent, S>(options: RunOptions<C, E, S>): Promise<CommandOutcome<E>> {
    const rehearsal = options.context.rehearsal;
    if (rehearsal) return this.decideAndAppend(options, rehearsal.store, rehearsal.streams);
    if (options.decider.independentOfState?.(options.command)) return this.decideAndAppend(options);
    const { streamId } = options;
    const previous = this.turns.get(streamId) ?? Promise.resolve();
    const mine = previous.then(() => this.decideAndAppend(options));
    const settled = mine.catch(() => undefined);
    this.turns.set(streamId, settled);
    void settled.then(() => {
      if (this.turns.get(streamId) === settled) this.turns.delete(streamId);
    });
    return mine;
  }

  private async decideAndAppend<C, E extends DomainEvent, S>(
    options: RunOptions<C, E, S>,
    store: EventStore = this.store,
    streams: KnownStreams = this.streams,
  ): Promise<CommandOutcome<E>> {
    const { streamId, decider, command, context } = options;
    const deadline = Date.now() + this.retryBudgetMs;
    for (let attempt = 1; ; attempt++) {
      const known = await streams.catchUp(store, streamId, decider);
      const key = context.idempotencyKey ?? null;
      const earlier = key ? known.keyed.get(key) : undefined;
      if (earlier) return this.replayedOutcome<E>(streamId, earlier, known.version);
      const state = known.state as S;
      const version = known.version;
      const now = this.clock();
      const decided = decider.decide(command, state, { now, actor: context.actor, role: context.role });
      if (decided.length === 0) {
        return { streamId, events: [], positions: [], position: null, streamVersion: version, replayed: false };
      }
      const events: NewEvent[] = decided.map((e, i) => ({
        eventId: key ? deterministicId(streamId, key, i) : newEventId(),
        type: e.type,
        schemaVersion: decider.schemaVersions?.[e.type as E['type']] ?? 1,
        data: e.data,
        metadata: {
          actor: context.actor,
          role: context.role,
          agency: options.agency,
          correlationId: context.correlationId,
          causationId: context.causationId ?? null,
          idempotencyKey: key,
          occurredAt: e.occurredAt ?? now.toISOString(),
          ...(context.source ? { source: context.source } : {}),
        },
      }));
      try {
        const expected = decider.independentOfState?.(command) ? 'any' : version < 0 ? 'no_stream' : version;
        const result = await store.append(streamId, events, expected);
        return {
          streamId,
          events: decided,
          positions: result.positions,
          position: result.positions[result.positions.length - 1],
          streamVersion: result.streamVersion,
          replayed: result.alreadyRecorded,
        };
      } catch (error) {
        // A keyed twin that won the race wrote the same event ids (with its own timestamps): read
        // again and answer with its outcome.
        const racedTwin = error instanceof DuplicateEventIdError && key !== null;
        if (!(error instanceof WrongExpectedVersionError || racedTwin) || Date.now() > deadline) throw error;
        // Jittered, growing back-off (to 200 ms), so writers racing on one stream spread out.
        await new Promise((resolve) => setTimeout(resolve, randomInt(1, Math.min(200, 2 ** Math.min(attempt, 8)) + 2)));
      }
    }
  }

  private replayedOutcome<E extends DomainEvent>(streamId: string, earlier: RecordedEvent[], streamVersion: number): CommandOutcome<E> {
    const positions = earlier.map((e) => e.position);
    return {
      streamId,
      events: earlier.map((e) => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt }) as E),
      positions,
      position: positions[positions.length - 1],
      streamVersion,
      replayed: true,
    };
  }
}

/** A UUID derived from the stream, the idempotency key and the event's rank in the batch. */
export function deterministicId(streamId: string, key: string, index: number): string {
  const h = createHash('sha256').update(`${streamId}\u0000${key}\u0000${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
