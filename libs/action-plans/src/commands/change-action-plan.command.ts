import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { ActionPlanCommand } from '../domain/action-plan.decider';

type WithoutFacts<C> = C extends ActionPlanCommand ? Omit<C, 'diagnostic' | 'pathway'> : never;
export type ActionPlanChange = WithoutFacts<ActionPlanCommand>;

/** Any change to an agency's yearly action plan; the handler adds what the diagnostic or the pathway says. */
export class ChangeActionPlan extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly year: number,
    readonly change: ActionPlanChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
