import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { agencyDecider } from '../domain/agency.decider';
import { agencyStream } from '../domain/territory.events';
import { ReviseTerritorialContext } from './revise-territorial-context.command';

@CommandHandler(ReviseTerritorialContext)
export class ReviseTerritorialContextHandler implements ICommandHandler<ReviseTerritorialContext> {
  constructor(private readonly runner: DeciderRunner) {}

  execute(c: ReviseTerritorialContext): Promise<CommandOutcome> {
    return this.runner.run({
      streamId: agencyStream(c.safir),
      agency: c.safir,
      decider: agencyDecider,
      command: { kind: 'revise-context', effectiveDate: c.effectiveDate, figures: c.figures, source: c.source },
      context: c.context,
    });
  }
}
