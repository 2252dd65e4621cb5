import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { PartnershipCommand } from '../domain/partnership.decider';

type Distribute<C> = C extends PartnershipCommand ? Omit<C, 'safir' | 'partnerId' | 'partner' | 'today'> : never;
export type PartnershipChange = Distribute<PartnershipCommand>;

/** Anything recorded on an agency's partnership with a partner (agreements, circle, contacts…). */
export class ChangePartnership extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly partnerId: string,
    readonly change: PartnershipChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
