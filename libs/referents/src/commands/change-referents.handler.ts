import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { partnerFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { ReferentsCommand, referentsDecider } from '../domain/referent.decider';
import { referentsStream } from '../domain/referents.events';
import { ChangeReferents } from './change-referents.command';

@CommandHandler(ChangeReferents)
export class ChangeReferentsHandler implements ICommandHandler<ChangeReferents> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ safir, partnerId, referentId, change, context }: ChangeReferents): Promise<CommandOutcome> {
    // Naming someone needs the partner in the shared register, read from its own stream.
    const partner = change.kind === 'name' ? await partnerFacts(logFor(context, this.store), partnerId) : undefined;
    return this.runner.run({
      streamId: referentsStream(safir, partnerId),
      agency: safir,
      decider: referentsDecider,
      command: { ...change, safir, partnerId, referentId, ...(partner && { partner }) } as ReferentsCommand,
      context,
    });
  }
}
