import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';

/** Compensates a payment recorded in error with an event that names it; history keeps both. */
export class CorrectPayment extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly year: number,
    readonly commitmentId: string,
    readonly paymentId: string,
    readonly correctedCents: number,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
