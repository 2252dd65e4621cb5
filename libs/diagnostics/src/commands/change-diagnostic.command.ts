import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { DiagnosticCommand } from '../domain/diagnostic.decider';

/** Draft, revise a section, record participation, or publish an agency's yearly diagnostic. */
export class ChangeDiagnostic extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly year: number,
    readonly change: DiagnosticCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
