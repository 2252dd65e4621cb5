import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { agencyDecider } from '../domain/agency.decider';
import { agencyStream } from '../domain/territory.events';
import { RegisterAgency } from './register-agency.command';
import { basinIsRegistered } from './territory-facts';

@CommandHandler(RegisterAgency)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgency> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ agency, context }: RegisterAgency): Promise<CommandOutcome> {
    const basinRegistered = await basinIsRegistered(logFor(context, this.store), agency.employmentBasin);
    return this.runner.run({
      streamId: agencyStream(agency.safir),
      agency: agency.safir,
      decider: agencyDecider,
      command: { kind: 'register', ...agency, basinRegistered },
      context,
    });
  }
}
