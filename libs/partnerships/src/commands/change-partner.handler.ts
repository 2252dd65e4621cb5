import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../../../event-store/src';
import { CommandOutcome, DeciderRunner } from '../../../platform/src';
import { partnerDecider, PartnerCommand } from '../domain/partner.decider';
import { partnerStream } from '../domain/partnerships.events';
import { ChangePartner } from './change-partner.command';
import { partnerFacts } from './partner-facts';

@CommandHandler(ChangePartner)
export class ChangePartnerHandler implements ICommandHandler<ChangePartner> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ partnerId, change, context }: ChangePartner): Promise<CommandOutcome> {
    const command: PartnerCommand =
      change.kind === 'register'
        ? { ...change, parentExists: change.parentPartnerId ? (await partnerFacts(this.store, change.parentPartnerId)).exists : false }
        : change;
    return this.runner.run({ streamId: partnerStream(partnerId), agency: null, decider: partnerDecider, command, context });
  }
}
