import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { InstanceCommand } from '../domain/instance.decider';

type Distribute<C> = C extends InstanceCommand ? Omit<C, 'safir' | 'instanceId' | 'unknownPartners'> : never;
export type InstanceChange = Distribute<InstanceCommand>;

/** Join an instance, change its members, record one of its meetings, or leave it. */
export class ChangeInstance extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly instanceId: string,
    readonly change: InstanceChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
