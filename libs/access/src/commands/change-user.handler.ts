import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, DeciderRunner } from '../../../platform/src';
import { userStream } from '../domain/access.events';
import { userDecider } from '../domain/user.decider';
import { ChangeUser } from './change-user.command';

@CommandHandler(ChangeUser)
export class ChangeUserHandler implements ICommandHandler<ChangeUser> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ userId, change, context }: ChangeUser): Promise<CommandOutcome> {
    return this.runner.run({ streamId: userStream(userId), agency: null, decider: userDecider, command: change, context });
  }
}
