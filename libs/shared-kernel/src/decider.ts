/** An event as a decider sees it: its type and data, nothing of storage. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** When it happened in the world; the command's time when absent. */
  occurredAt?: string;
}

/** A union of events as deciders see them: each may say when it happened in the world. */
export type WhenItHappened<E> = E extends unknown ? E & { occurredAt?: string } : never;

export interface DecisionContext {
  /** The command's clock: deciders never read the system time. */
  now: Date;
  actor: string;
  role: string;
}

/**
 * An aggregate as three pure functions. `decide` returns the events a command produces (possibly
 * none) or throws a DomainError.
 */
export interface Decider<C, E extends DomainEvent, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: DecisionContext): E[];
  /**
   * True for commands whose decision reads nothing of this stream's state (a contact, an
   * assessment: facts that only add): they are appended at whatever version the stream has, so
   * concurrent writers never conflict. Absent or false: the optimistic version check applies.
   */
  independentOfState?(command: C): boolean;
  /** Current schema version per event type (1 when absent). */
  schemaVersions?: Partial<Record<E['type'], number>>;
}

/** Folds events into a state: what a command handler does before deciding, and tests use too. */
export function fold<E extends DomainEvent, S>(decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
