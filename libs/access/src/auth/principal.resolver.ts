import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { fold } from '@ancrage/shared-kernel';
import { AccessEvent, userStream } from '../domain/access.events';
import { userDecider, UserState } from '../domain/user.decider';

/**
 * A user's current rights, folded straight from their stream: strongly consistent, so a revoked
 * token or role stops working on the very next request. A user stream holds a handful of events.
 */
@Injectable()
export class PrincipalResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(userId: string): Promise<UserState> {
    const events = await this.store.readStream(userStream(userId));
    return fold(
      userDecider,
      events.map((e) => ({ type: e.type, data: e.data }) as AccessEvent),
    );
  }
}
