import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { fundDecider } from '../domain/fund.decider';
import { fundStream } from '../domain/fund.events';
import { ChangeFund } from './change-fund.command';

/**
 * Concurrent commitments cannot overspend together: each is decided against the stream version it
 * read, and a stale append is retried from a fresh read (DeciderRunner).
 */
@CommandHandler(ChangeFund)
export class ChangeFundHandler implements ICommandHandler<ChangeFund> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ safir, year, change, context }: ChangeFund): Promise<CommandOutcome> {
    return this.runner.run({ streamId: fundStream(safir, year), agency: safir, decider: fundDecider, command: change, context });
  }
}
