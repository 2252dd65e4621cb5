import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AGENCY_DIRECTORY, AgencyDirectory } from '../agency-directory';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { userStream } from '../domain/access.events';
import { userDecider } from '../domain/user.decider';
import { ChangeUser } from './change-user.command';

@CommandHandler(ChangeUser)
export class ChangeUserHandler implements ICommandHandler<ChangeUser> {
  constructor(
    private readonly runner: DeciderRunner,
    @Optional() @Inject(AGENCY_DIRECTORY) private readonly agencies?: AgencyDirectory,
  ) {}

  async execute({ userId, change, context }: ChangeUser): Promise<CommandOutcome> {
    let command = change;
    if (change.kind === 'grant' && change.grant.role === 'manager' && this.agencies) {
      const agencies = change.grant.agencies ?? [];
      const regions = await Promise.all(agencies.map((safir) => this.agencies!.regionOf(safir)));
      command = { ...change, unknownAgencies: agencies.filter((_, i) => regions[i] === null) };
    }
    return this.runner.run({ streamId: userStream(userId), agency: null, decider: userDecider, command, context });
  }
}
