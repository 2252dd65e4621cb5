import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { JsonLogger } from '@ancrage/platform';

/**
 * On a store without users, tells the operator how to get the first admin token (no default
 * password). Called by `ancrage serve` once it listens, never by CLI commands (one of which may be
 * creating that very administrator).
 */
@Injectable()
export class FirstRunNotice {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly logger: JsonLogger,
  ) {}

  async tell(cliHint: string): Promise<void> {
    const { events } = await this.store.readAll({ types: ['UserRegistered'], limit: 1 });
    if (events.length > 0) return;
    this.logger.event('warn', 'no users yet: create the first administrator with the CLI', {
      howTo: `${cliHint}./bin/ancrage users add admin --name "Administrator" --grant admin && ${cliHint}./bin/ancrage tokens issue --user admin --label first-admin`,
    });
  }
}
