import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, InstantProperty, IntegerProperty, IntegersByKeyProperty, PageOf, ShareProperty } from '@ancrage/platform';
import { PATHWAY_MEASURES, SERVICE_OFFER } from '@ancrage/shared-kernel';
import { LEVERS, SHOWN_ACTION_STATUSES } from '../../domain/action-plan.events';

/** The plan's life cycle, as the plans projection records it. */
export const PLAN_STATUSES = ['DRAFT', 'ADOPTED', 'CLOSED'] as const;

export class PlanPriorityView {
  @ApiProperty({ example: 'p-seniors' }) priorityId: string;
  @ApiProperty({ example: 'Retour à l’emploi des seniors' }) title: string;
  @ApiProperty({ type: [String], example: ['f-seniors'], description: 'findings of the linked diagnostic it cites' }) findingIds: string[];
}

export class PlanReviewView {
  @DateProperty() reviewedOn: string;
  @ApiProperty() summary: string;
}

export class PlanAdjustmentView {
  @ApiProperty({ type: 'string', nullable: true, description: 'the action it is about (null: the plan as a whole)' }) actionId:
    string | null;
  @ApiProperty() note: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'a corrected indicator value, in the action’s unit' }) value: number | null;
  @InstantProperty({ description: 'when it was recorded' }) recordedAt: string;
}

/** The plan itself with its overall progress. */
export class PlanSummaryView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @ApiProperty({ enum: PLAN_STATUSES }) status: string;
  @DateProperty({ nullable: true }) adoptedOn: string | null;
  @DateProperty({ nullable: true }) closedOn: string | null;
  @IntegerProperty({ example: 2018, description: 'year of the published diagnostic it answers' }) diagnosticYear: number;
  @ApiProperty({ description: 'that diagnostic had a partner at the CO_CONSTRUCTED level when the plan was drafted' })
  diagnosticCoConstructed: boolean;
  @ApiProperty({ type: [PlanPriorityView] }) priorities: PlanPriorityView[];
  @ApiProperty({ type: [PlanReviewView], description: 'mid-year reviews' }) reviews: PlanReviewView[];
  @ApiProperty({ type: [PlanAdjustmentView], description: 'adjustments recorded after the plan was closed' })
  adjustments: PlanAdjustmentView[];
  @ShareProperty('mean reached share of the actions, abandoned ones left out') reached: number;
  @IntegerProperty({ description: 'late actions' }) late: number;
  @IntegerProperty({ description: 'actions in the plan, abandoned ones included' }) actions: number;
}

export class PriorityProgressView extends PlanPriorityView {
  @IntegerProperty({ description: 'actions under the priority, abandoned ones left out' }) actions: number;
  @ShareProperty('mean reached share of its actions') reached: number;
  @IntegerProperty({ description: 'late actions' }) late: number;
}

export class ActionMeasureView {
  @ApiProperty({ example: 'parcours-senior' }) pathwayId: string;
  @ApiProperty({ enum: PATHWAY_MEASURES }) measure: string;
}

export class ActionProgressView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ example: 'a-parcours-seniors' }) actionId: string;
  @ApiProperty({ example: 'p-seniors' }) priorityId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LEVERS }) lever: string;
  @ApiProperty() owner: string;
  @ApiProperty({ type: [String] }) partnerIds: string[];
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true, description: 'the service offer it mobilises' }) services: string[];
  @DateProperty() startDate: string;
  @DateProperty() dueDate: string;
  @ApiProperty({ example: 'seniors accompagnés' }) indicatorName: string;
  @ApiProperty({ example: 'personnes', description: 'unit of baseline, target and values' }) unit: string;
  @ApiProperty({ type: 'number' }) baseline: number;
  @ApiProperty({ type: 'number' }) target: number;
  @ApiProperty({ enum: SHOWN_ACTION_STATUSES }) status: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'the latest value reported (null: none yet)' }) latestValue: number | null;
  @DateProperty({ nullable: true, description: 'the date of that value' }) latestOn: string | null;
  @ApiProperty({
    type: ActionMeasureView,
    nullable: true,
    description: 'the pathway whose cohorts give the values (then they are not reported by hand); null: values reported',
  })
  measuredBy: ActionMeasureView | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'the latest value reported by the view’s date (null: none)' })
  latestValueOnDate: number | null;
  @ShareProperty('of the way from baseline to target') reached: number;
  @ShareProperty('of the time from start to due date elapsed') elapsed: number;
  @ApiProperty() onTrack: boolean;
  @ApiProperty() late: boolean;
}

export class PlanMonthView {
  @ApiProperty({ example: '2018-03' }) month: string;
  @ShareProperty('mean reached share of the actions at the month end') reached: number;
  @IntegerProperty({ description: 'actions on track at the month end' }) onTrack: number;
  @IntegerProperty({ description: 'late actions at the month end' }) late: number;
}

export class PlanProgressView {
  @ApiProperty({ description: 'how reached, elapsed, on track and late are computed, in words' }) formula: string;
  @DateProperty({ description: 'the date progress is measured at (asOf, or today)' }) date: string;
  @ApiProperty({ type: PlanSummaryView }) plan: PlanSummaryView;
  @ApiProperty({ type: [PriorityProgressView] }) priorities: PriorityProgressView[];
  @ApiProperty({ type: [ActionProgressView] }) actions: ActionProgressView[];
  @ApiProperty({ type: [PlanMonthView], description: 'January to the month of the date' }) months: PlanMonthView[];
}

export class ExecutionLineView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: string;
  @ApiProperty({ description: 'the plan is adopted (or closed)' }) adopted: boolean;
  @IntegerProperty({ description: 'actions in the plan' }) actions: number;
  @IntegerProperty() lateActions: number;
  @ShareProperty('mean reached share of the actions') reached: number;
  @IntegersByKeyProperty('actions by status') byStatus: Record<string, number>;
  @IntegersByKeyProperty('actions by lever') byLever: Record<string, number>;
  @IntegerProperty({ description: 'priorities in the plan' }) priorities: number;
  @IntegerProperty({ description: 'priorities citing a co-constructed diagnostic' }) prioritiesCitingCoConstructedDiagnostic: number;
}

export class ExecutionSummaryView {
  @IntegerProperty({ description: 'plans counted (all pages)' }) plans: number;
  @IntegerProperty({ description: 'plans adopted or closed' }) adopted: number;
  @IntegerProperty() lateActions: number;
  @ShareProperty('priorities citing a co-constructed diagnostic') shareOfPrioritiesCitingCoConstructedDiagnostic: number;
}

export class PlanExecutionPage extends PageOf(ExecutionLineView) {
  @ApiProperty({ type: ExecutionSummaryView, description: 'over every plan, not only this page' }) summary: ExecutionSummaryView;
}
