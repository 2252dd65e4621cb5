import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';

export class AllocateEnvelope extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly year: number,
    readonly amountCents: number,
    readonly context: CommandContext,
    readonly allocatedOn?: string,
  ) {
    super();
  }
}
