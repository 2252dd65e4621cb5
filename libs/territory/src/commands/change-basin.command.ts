import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { BasinCommand } from '../domain/basin.decider';

type Distribute<C> = C extends BasinCommand ? Omit<C, 'code' | 'agencyBasin' | 'partner'> : never;
export type BasinChange = Distribute<BasinCommand>;

/** Register an employment basin, rename it, or give one of its partners a lead agency. */
export class ChangeBasin extends Command<CommandOutcome> {
  constructor(
    readonly code: string,
    readonly change: BasinChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
