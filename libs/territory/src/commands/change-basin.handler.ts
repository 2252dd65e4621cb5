import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { partnerFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { BasinCommand, basinDecider } from '../domain/basin.decider';
import { basinStream } from '../domain/basins.events';
import { ChangeBasin } from './change-basin.command';
import { basinOfAgency } from './territory-facts';

@CommandHandler(ChangeBasin)
export class ChangeBasinHandler implements ICommandHandler<ChangeBasin> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ code, change, context }: ChangeBasin): Promise<CommandOutcome> {
    const log = logFor(context, this.store);
    // A lead is checked against the agency's basin and the shared register, each from its own stream.
    const facts =
      change.kind === 'assign-lead'
        ? { agencyBasin: await basinOfAgency(log, change.safir), partner: await partnerFacts(log, change.partnerId) }
        : {};
    return this.runner.run({
      streamId: basinStream(code),
      agency: null,
      decider: basinDecider,
      command: { ...change, code, ...facts } as BasinCommand,
      context,
    });
  }
}
