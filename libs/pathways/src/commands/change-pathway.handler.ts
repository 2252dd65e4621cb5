import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { partnerFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { PathwayCommand, pathwayDecider } from '../domain/pathway.decider';
import { pathwayStream } from '../domain/pathways.events';
import { ChangePathway } from './change-pathway.command';

@CommandHandler(ChangePathway)
export class ChangePathwayHandler implements ICommandHandler<ChangePathway> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ safir, pathwayId, change, context }: ChangePathway): Promise<CommandOutcome> {
    const log = logFor(context, this.store);
    const named = change.kind === 'open' ? [...new Set(change.partnerIds)] : [];
    const facts = await Promise.all(named.map(async (id) => [id, await partnerFacts(log, id)] as const));
    return this.runner.run({
      streamId: pathwayStream(safir, pathwayId),
      agency: safir,
      decider: pathwayDecider,
      command: { ...change, safir, pathwayId, unknownPartners: facts.filter(([, f]) => !f.exists).map(([id]) => id) } as PathwayCommand,
      context,
    });
  }
}
