import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { LIVE, ReadModels } from '@ancrage/projections';
import { PartnerRow } from '../read-models/partnerships.entities';
import { partnerDecider, PartnerCommand } from '../domain/partner.decider';
import { partnerStream } from '../domain/partnerships.events';
import { ChangePartner } from './change-partner.command';
import { partnerFacts } from './partner-facts';

@CommandHandler(ChangePartner)
export class ChangePartnerHandler implements ICommandHandler<ChangePartner> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: ReadModels,
  ) {}

  async execute({ partnerId, change, context }: ChangePartner): Promise<CommandOutcome> {
    // The register as its read model knows it: a partner registered this very instant may not be there yet.
    const siret = change.kind === 'close' ? null : change.siret;
    const holder = siret ? await this.reads.findOne(PartnerRow, LIVE, { siret }) : null;
    const siretHolder = holder ? { partnerId: holder.partnerId, name: holder.name } : null;
    const command: PartnerCommand =
      change.kind === 'register'
        ? {
            ...change,
            siretHolder,
            parentExists: change.parentPartnerId ? (await partnerFacts(logFor(context, this.store), change.parentPartnerId)).exists : false,
          }
        : change.kind === 'update'
          ? { ...change, siretHolder }
          : change;
    return this.runner.run({ streamId: partnerStream(partnerId), agency: null, decider: partnerDecider, command, context });
  }
}
