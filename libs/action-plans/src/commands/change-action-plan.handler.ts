import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diagnosticFacts } from '@ancrage/diagnostics';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { pathwayFacts } from '@ancrage/pathways';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { ActionPlanCommand, actionPlanDecider } from '../domain/action-plan.decider';
import { ActionPlanEvent, actionPlanStream } from '../domain/action-plan.events';
import { ChangeActionPlan } from './change-action-plan.command';

@CommandHandler(ChangeActionPlan)
export class ChangeActionPlanHandler implements ICommandHandler<ChangeActionPlan> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ safir, year, change, context }: ChangeActionPlan): Promise<CommandOutcome> {
    let command = change as ActionPlanCommand;
    if (change.kind === 'draft') {
      command = { ...change, diagnostic: await diagnosticFacts(this.store, safir, change.diagnosticYear) };
    } else if (change.kind === 'add-priority') {
      // Findings are those of the diagnostic the plan was drafted from.
      const drafted = (await this.store.readStream(actionPlanStream(safir, year), { toVersion: 0 })).map(
        (e) => ({ type: e.type, data: e.data }) as ActionPlanEvent,
      )[0];
      const diagnosticYear = drafted?.type === 'ActionPlanDrafted' ? drafted.data.diagnosticYear : year;
      command = { ...change, diagnostic: await diagnosticFacts(this.store, safir, diagnosticYear) };
    } else if (change.kind === 'measure-by-pathway') {
      command = { ...change, pathway: await pathwayFacts(this.store, safir, change.pathwayId) };
    }
    return this.runner.run({ streamId: actionPlanStream(safir, year), agency: safir, decider: actionPlanDecider, command, context });
  }
}
