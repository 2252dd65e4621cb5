import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { PartnerCommand } from '../domain/partner.decider';

/** Register, update or close a partner of the shared register. */
export class ChangePartner extends Command<CommandOutcome> {
  constructor(
    readonly partnerId: string,
    readonly change: PartnerCommand extends infer C ? (C extends { kind: 'register' } ? Omit<C, 'parentExists'> : C) : never,
    readonly context: CommandContext,
  ) {
    super();
  }
}
