import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { TerritorialFigures } from '../domain/context-classification';

export class ReviseTerritorialContext extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly effectiveDate: string,
    readonly figures: TerritorialFigures,
    readonly source: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
