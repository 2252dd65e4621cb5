import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { ReferentsCommand } from '../domain/referent.decider';

type Distribute<C> = C extends ReferentsCommand ? Omit<C, 'safir' | 'partnerId' | 'referentId' | 'partner'> : never;
export type ReferentChange = Distribute<ReferentsCommand>;

/** Name a referent of a partnership, change how to reach them, or withdraw them. */
export class ChangeReferents extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly partnerId: string,
    readonly referentId: string,
    readonly change: ReferentChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
