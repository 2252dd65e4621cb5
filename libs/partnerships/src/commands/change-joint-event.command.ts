import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { JointEventCommand } from '../domain/joint-event.decider';

type Distribute<C> = C extends JointEventCommand ? Omit<C, 'safir' | 'jointEventId' | 'unknownPartners'> : never;
export type JointEventChange = Distribute<JointEventCommand>;

/** Plan a joint event with partners, record it held with its outcomes, or cancel it. */
export class ChangeJointEvent extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly jointEventId: string,
    readonly change: JointEventChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
