import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { agencyDecider } from '../domain/agency.decider';
import { agencyStream } from '../domain/territory.events';
import { RegisterAgency } from './register-agency.command';

@CommandHandler(RegisterAgency)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgency> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ agency, context }: RegisterAgency): Promise<CommandOutcome> {
    return this.runner.run({
      streamId: agencyStream(agency.safir),
      agency: agency.safir,
      decider: agencyDecider,
      command: { kind: 'register', ...agency },
      context,
    });
  }
}
