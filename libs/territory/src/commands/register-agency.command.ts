import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { AgencyRegisteredData } from '../domain/territory.events';

export class RegisterAgency extends Command<CommandOutcome> {
  constructor(
    readonly agency: AgencyRegisteredData & { openedOn?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
