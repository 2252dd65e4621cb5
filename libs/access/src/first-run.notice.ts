import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../../event-store/src';
import { JsonLogger } from '../../platform/src';

/** On a store without users, tells the operator how to get the first admin token (no default password). */
@Injectable()
export class FirstRunNotice implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { events } = await this.store.readAll({ types: ['UserRegistered'], limit: 1 });
    if (events.length > 0) return;
    this.logger.event('warn', 'no users yet: create the first administrator with the CLI', {
      howTo: 'ancrage users add admin --name "Administrator" --grant admin && ancrage tokens issue --user admin --label first-admin',
    });
  }
}
