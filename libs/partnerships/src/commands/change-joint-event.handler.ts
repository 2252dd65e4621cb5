import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { JointEventCommand, jointEventDecider } from '../domain/joint-event.decider';
import { jointEventStream } from '../domain/partnerships.events';
import { ChangeJointEvent } from './change-joint-event.command';
import { partnerFacts } from './partner-facts';

@CommandHandler(ChangeJointEvent)
export class ChangeJointEventHandler implements ICommandHandler<ChangeJointEvent> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ safir, jointEventId, change, context }: ChangeJointEvent): Promise<CommandOutcome> {
    let unknownPartners: string[] = [];
    if (change.kind === 'plan') {
      const facts = await Promise.all(change.partnerIds.map(async (id) => [id, await partnerFacts(this.store, id)] as const));
      unknownPartners = facts.filter(([, f]) => !f.exists).map(([id]) => id);
    }
    const command = { ...change, safir, jointEventId, unknownPartners } as JointEventCommand;
    return this.runner.run({
      streamId: jointEventStream(safir, jointEventId),
      agency: safir,
      decider: jointEventDecider,
      command,
      context,
    });
  }
}
