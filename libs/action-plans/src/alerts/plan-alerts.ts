import { Injectable } from '@nestjs/common';
import { AlertQuery, AlertSource, ProvidesAlerts, cutOf, readScope } from '@ancrage/platform';
import { ReadModels } from '@ancrage/projections';
import { PATHWAY_INDICATOR_PROJECTIONS } from '@ancrage/pathways';
import type { Alert } from '@ancrage/shared-kernel';
import { ActionPlanRow, PlanActionProgressRow, PlanActionRow } from '../read-models/plan.entities';
import { planProgress } from '../read-models/plan-views';
import { plansProjection } from '../read-models/plans.projection';
import { withPathwayValues } from '../read-models/measured-actions';

/** Late actions of the year's plans still running (a closed plan has decided its actions). */
@Injectable()
@ProvidesAlerts()
export class PlanAlerts implements AlertSource {
  readonly kinds = ['ACTION_LATE'] as const;
  readonly projections = [plansProjection.name, ...PATHWAY_INDICATOR_PROJECTIONS];

  constructor(private readonly reads: ReadModels) {}

  async alerts(q: AlertQuery): Promise<Alert[]> {
    const cut = cutOf(q);
    const year = Number(q.on.slice(0, 4));
    const plans = (
      await readScope(
        q.scope,
        (where) => this.reads.find(ActionPlanRow, cut, { ...where, year }),
        (p) => p.safir,
      )
    ).filter((p) => p.status === 'ADOPTED');
    if (plans.length === 0) return [];
    const safir = plans.map((p) => p.safir);
    const [rows, reported] = await Promise.all([
      this.reads.find(PlanActionRow, cut, { year, safir }),
      this.reads.find(PlanActionProgressRow, cut, { year, safir }),
    ]);
    // An action measured by a pathway is late or not by the pathway's values, as in the plan view.
    const { actions, progress } = await withPathwayValues(this.reads, cut, year, rows, reported);
    return plans.flatMap((plan) => {
      const mine = (r: { safir: string }) => r.safir === plan.safir;
      return planProgress(plan, actions.filter(mine), progress.filter(mine), q.on)
        .actions.filter((a) => a.late)
        .map((a): Alert => ({
          kind: 'ACTION_LATE',
          safir: plan.safir,
          region: plan.region,
          on: a.dueDate,
          subject: a.title,
          ref: a.actionId,
          year,
          amountCents: null,
          code: null,
        }));
    });
  }
}
