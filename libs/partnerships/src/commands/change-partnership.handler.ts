import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { CLOCK, Clock, CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { PartnershipCommand, partnershipDecider } from '../domain/partnership.decider';
import { partnershipStream } from '../domain/partnerships.events';
import { ChangePartnership } from './change-partnership.command';
import { partnerFacts } from './partner-facts';

@CommandHandler(ChangePartnership)
export class ChangePartnershipHandler implements ICommandHandler<ChangePartnership> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ safir, partnerId, change, context }: ChangePartnership): Promise<CommandOutcome> {
    const partner = await partnerFacts(logFor(context, this.store), partnerId);
    const command: PartnershipCommand = { ...change, safir, partnerId, partner, today: this.clock().toISOString().slice(0, 10) };
    return this.runner.run({ streamId: partnershipStream(safir, partnerId), agency: safir, decider: partnershipDecider, command, context });
  }
}
