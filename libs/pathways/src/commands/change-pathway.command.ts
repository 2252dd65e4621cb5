import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { PathwayCommand } from '../domain/pathway.decider';

type Distribute<C> = C extends PathwayCommand ? Omit<C, 'safir' | 'pathwayId' | 'unknownPartners'> : never;
export type PathwayChange = Distribute<PathwayCommand>;

/** Open a pathway, start a cohort in it, record a cohort's outcomes, or close it. */
export class ChangePathway extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly pathwayId: string,
    readonly change: PathwayChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
