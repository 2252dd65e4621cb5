import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { UserCommand } from '../domain/user.decider';

/** Any change to a user (register, grant, revoke, disable, enable, revoke a token). */
export class ChangeUser extends Command<CommandOutcome> {
  constructor(
    readonly userId: string,
    readonly change: UserCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
