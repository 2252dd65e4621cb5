import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { partnerFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { InstanceCommand, instanceDecider } from '../domain/instance.decider';
import { instanceStream } from '../domain/instances.events';
import { ChangeInstance } from './change-instance.command';

@CommandHandler(ChangeInstance)
export class ChangeInstanceHandler implements ICommandHandler<ChangeInstance> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ safir, instanceId, change, context }: ChangeInstance): Promise<CommandOutcome> {
    // The partners a change names must be in the shared register, read from their own streams.
    const named =
      change.kind === 'join'
        ? [...change.memberPartnerIds, ...(change.convenorPartnerId ? [change.convenorPartnerId] : [])]
        : change.kind === 'change-members'
          ? change.added
          : [];
    const log = logFor(context, this.store);
    const facts = await Promise.all([...new Set(named)].map(async (id) => [id, await partnerFacts(log, id)] as const));
    const unknownPartners = facts.filter(([, f]) => !f.exists).map(([id]) => id);
    return this.runner.run({
      streamId: instanceStream(safir, instanceId),
      agency: safir,
      decider: instanceDecider,
      command: { ...change, safir, instanceId, unknownPartners } as InstanceCommand,
      context,
    });
  }
}
