import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { diagnosticDecider } from '../domain/diagnostic.decider';
import { diagnosticStream } from '../domain/diagnostic.events';
import { ChangeDiagnostic } from './change-diagnostic.command';

@CommandHandler(ChangeDiagnostic)
export class ChangeDiagnosticHandler implements ICommandHandler<ChangeDiagnostic> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ safir, year, change, context }: ChangeDiagnostic): Promise<CommandOutcome> {
    return this.runner.run({
      streamId: diagnosticStream(safir, year),
      agency: safir,
      decider: diagnosticDecider,
      command: change,
      context,
    });
  }
}
