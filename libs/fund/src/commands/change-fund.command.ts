import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { FundCommand } from '../domain/fund.decider';

/** Adjust, commit, authorise an over-commitment, pay, release or close: one fund-year's decider. */
export class ChangeFund extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly year: number,
    readonly change: Exclude<FundCommand, { kind: 'allocate' }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
