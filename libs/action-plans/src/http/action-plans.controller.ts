import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '@ancrage/access';
import { ReadModels } from '@ancrage/projections';
import { PATHWAY_INDICATOR_PROJECTIONS } from '@ancrage/pathways';
import {
  Access,
  ApiCommand,
  ApiView,
  AsOfQueryDto,
  CachedView,
  Clock,
  CLOCK,
  CommandContext,
  CommandResponse,
  commandResponse,
  cutOf,
  endOfDay,
  paginate,
  ReadConsistency,
  exportFile,
  wantsFile,
} from '@ancrage/platform';
import { scopeName } from '@ancrage/territory';
import { ActionPlanChange, ChangeActionPlan } from '../commands/change-action-plan.command';
import { ActionPlanRow, PlanActionProgressRow, PlanActionRow } from '../read-models/plan.entities';
import { EXECUTION_COLUMNS, executionLines, executionTable, planProgress } from '../read-models/plan-views';
import { withPathwayValues } from '../read-models/measured-actions';
import { plansProjection } from '../read-models/plans.projection';
import {
  ActionParams,
  AddActionDto,
  AddPriorityDto,
  AdjustmentDto,
  CloseDto,
  DateDto,
  DraftPlanDto,
  ExecutionQueryDto,
  MeasureDto,
  PlanParams,
  ProgressDto,
  ReviewDto,
  StatusDto,
} from './dto/action-plan.dto';
import { PlanExecutionPage, PlanProgressView } from './dto/action-plans.views';
import { shareOf } from '@ancrage/shared-kernel';

@ApiTags('action plans')
@Controller()
export class ActionPlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async change(p: PlanParams, change: ActionPlanChange, ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeActionPlan(p.safir, p.year, change, ctx)));
  }

  @ApiCommand({
    summary: 'Draft the yearly action plan from a published diagnostic of the same agency',
    conflict: 'PLAN_EXISTS: already drafted',
    rule: 'DIAGNOSTIC_NOT_PUBLISHED, OUTSIDE_PLAN_PERIOD, FUTURE_DATE',
  })
  @Post('agencies/:safir/action-plans/:year')
  @Access('agency.write')
  draft(@Param() p: PlanParams, @Body() b: DraftPlanDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'draft', safir: p.safir, year: p.year, diagnosticYear: b.diagnosticYear, draftedOn: b.draftedOn }, ctx);
  }

  @ApiCommand({
    summary: 'Add a priority citing findings of the linked diagnostic',
    conflict: 'PRIORITY_EXISTS',
    rule: 'NO_FINDING_CITED, UNKNOWN_FINDING, PLAN_CLOSED, DATE_BEFORE_DRAFT, OUTSIDE_PLAN_PERIOD, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/priorities')
  @Access('agency.write')
  priority(@Param() p: PlanParams, @Body() b: AddPriorityDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'add-priority', priorityId: b.priorityId, title: b.title, findingIds: b.findingIds, addedOn: b.addedOn },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Add an action under a priority: lever, owner, partners, dates, indicator with unit, baseline and target',
    conflict: 'ACTION_EXISTS',
    rule: 'PRIORITY_NOT_FOUND, DUE_BEFORE_START, DUE_OUTSIDE_YEAR (without a reason), TARGET_EQUALS_BASELINE, PLAN_CLOSED, DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/actions')
  @Access('agency.write')
  action(@Param() p: PlanParams, @Body() b: AddActionDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const { name, unit, baseline, target } = b.indicator;
    return this.change(
      p,
      {
        kind: 'add-action',
        actionId: b.actionId,
        priorityId: b.priorityId,
        title: b.title,
        lever: b.lever,
        owner: b.owner,
        partnerIds: b.partnerIds ?? [],
        services: [...new Set(b.services ?? [])],
        startDate: b.startDate,
        dueDate: b.dueDate,
        dueDateReason: b.dueDateReason ?? null,
        indicator: { name, unit, baseline, target },
        addedOn: b.addedOn,
      },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Adopt the plan on a date',
    rule: 'ALREADY_ADOPTED, EMPTY_PLAN, PLAN_CLOSED, DATE_BEFORE_DRAFT, OUTSIDE_PLAN_PERIOD, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/adopt')
  @Access('agency.write')
  adopt(@Param() p: PlanParams, @Body() b: DateDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'adopt', adoptedOn: b.date }, ctx);
  }

  @ApiCommand({
    summary: 'Report progress on an action (value at a date); refused on abandoned actions, actions measured by a pathway and closed plans',
    rule: 'ACTION_ABANDONED, ACTION_MEASURED_BY_PATHWAY, INVALID_VALUE, FUTURE_DATE, OUTSIDE_PLAN_YEAR, PLAN_CLOSED',
    notFound: 'PLAN_NOT_FOUND, ACTION_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/actions/:actionId/progress')
  @Access('agency.write')
  report(@Param() p: ActionParams, @Body() b: ProgressDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'report-progress', actionId: p.actionId, value: b.value, on: b.on, comment: b.comment ?? null }, ctx);
  }

  @ApiCommand({
    summary:
      'Measure an action by a pathway of the agency: its values become the reach, the people in work or the employment rate of the pathway’s cohorts started in the plan year',
    rule: 'UNKNOWN_PATHWAY (pathwayId), ACTION_ABANDONED, PLAN_CLOSED, DATE_BEFORE_DRAFT, OUTSIDE_PLAN_PERIOD, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND, ACTION_NOT_FOUND',
  })
  @Put('agencies/:safir/action-plans/:year/actions/:actionId/measure')
  @Access('agency.write')
  measure(@Param() p: ActionParams, @Body() b: MeasureDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'measure-by-pathway', actionId: p.actionId, pathwayId: b.pathwayId, measure: b.measure, linkedOn: b.linkedOn },
      ctx,
    );
  }

  @ApiCommand({
    summary: "Change an action's status (planned, in progress, done, paused, abandoned, blocked)",
    rule: 'REASON_REQUIRED (paused, blocked, abandoned), PLAN_CLOSED, DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND, ACTION_NOT_FOUND',
  })
  @Put('agencies/:safir/action-plans/:year/actions/:actionId/status')
  @Access('agency.write')
  status(@Param() p: ActionParams, @Body() b: StatusDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'change-status', actionId: p.actionId, status: b.status, reason: b.reason ?? null, changedOn: b.changedOn },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Record the mid-year review',
    rule: 'NOT_ADOPTED, FUTURE_DATE, DATE_BEFORE_ADOPTION, OUTSIDE_PLAN_YEAR, PLAN_CLOSED',
    notFound: 'PLAN_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/mid-year-review')
  @Access('agency.write')
  review(@Param() p: PlanParams, @Body() b: ReviewDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'mid-year-review', reviewedOn: b.reviewedOn, summary: b.summary }, ctx);
  }

  @ApiCommand({
    summary:
      'Close the year: every action done or abandoned, or openActions says what becomes of the others; later corrections are adjustments naming the closed plan',
    rule: 'PLAN_CLOSED: already closed; OPEN_ACTIONS: actions still open and no openActions; DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND',
  })
  @Post('agencies/:safir/action-plans/:year/close')
  @Access('agency.write')
  close(@Param() p: PlanParams, @Body() b: CloseDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'close', closedOn: b.date, openActions: b.openActions }, ctx);
  }

  @ApiCommand({
    summary: 'Record an adjustment to a closed plan (never an edit)',
    rule: 'PLAN_NOT_CLOSED, DATE_BEFORE_CLOSE, FUTURE_DATE',
    notFound: 'PLAN_NOT_FOUND, ACTION_NOT_FOUND (the actionId of the body)',
  })
  @Post('agencies/:safir/action-plans/:year/adjustments')
  @Access('agency.write')
  adjust(@Param() p: PlanParams, @Body() b: AdjustmentDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'adjust-closed', actionId: b.actionId ?? null, note: b.note, value: b.value ?? null, adjustedOn: b.adjustedOn },
      ctx,
    );
  }

  private async plans(q: AsOfQueryDto, filter: { safir?: string; year: number; region?: string }) {
    await this.consistency.waitFor(q.consistentWith, [plansProjection.name, ...PATHWAY_INDICATOR_PROJECTIONS]);
    const date = (q.asOf ? endOfDay(q.asOf)! : this.clock().toISOString()).slice(0, 10);
    const cut = cutOf(q);
    const plans = await this.reads.find(
      ActionPlanRow,
      cut,
      { year: filter.year, safir: filter.safir, region: filter.region },
      { order: { safir: 'ASC' } },
    );
    // The actions of those plans only: a region's, or one agency's.
    const ofPlans = { year: filter.year, safir: filter.safir ?? (filter.region ? plans.map((p) => p.safir) : undefined) };
    return { plans, ofPlans, cut, date };
  }

  private async rows(q: AsOfQueryDto, filter: { safir?: string; year: number; region?: string }) {
    const { plans, ofPlans, cut, date } = await this.plans(q, filter);
    const [rows, reported] = await Promise.all([
      this.reads.find(PlanActionRow, cut, ofPlans),
      this.reads.find(PlanActionProgressRow, cut, ofPlans),
    ]);
    const { actions, progress } = await withPathwayValues(this.reads, cut, filter.year, rows, reported);
    return { plans, actions, progress, date };
  }

  /**
   * The execution list reads thousands of actions: only the columns their progress needs, and the
   * monthly values only of plans with an action reported for a day after the date (none live).
   */
  private async executionRows(q: AsOfQueryDto, filter: { year: number; region?: string }) {
    const { plans, ofPlans, cut, date } = await this.plans(q, filter);
    const rows = await this.reads.find(PlanActionRow, cut, ofPlans, { columns: EXECUTION_COLUMNS });
    const later = [...new Set(rows.filter((a) => a.latestOn !== null && a.latestOn > date).map((a) => a.safir))];
    const reported = later.length
      ? await this.reads.find(
          PlanActionProgressRow,
          cut,
          { year: filter.year, safir: later },
          { columns: ['safir', 'year', 'actionId', 'value', 'on'] },
        )
      : [];
    const { actions, progress } = await withPathwayValues(this.reads, cut, filter.year, rows, reported);
    return { plans, actions, progress, date };
  }

  @ApiView({
    summary: 'Plan progress: per action, per priority and for the plan, on-track / late with the formula, month by month; asOf/knownAt',
    response: PlanProgressView,
    notFound: 'PLAN_NOT_FOUND: no plan for that agency and year (at that date); AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/action-plans/:year')
  @CachedView()
  @Access('agency.read')
  async get(@Param() p: PlanParams, @Query() q: AsOfQueryDto): Promise<PlanProgressView> {
    const r = await this.rows(q, p);
    const plan = r.plans[0];
    if (!plan) throw new NotFoundException({ code: 'PLAN_NOT_FOUND', message: `no ${p.year} action plan for ${p.safir}` });
    return planProgress(plan, r.actions, r.progress, r.date);
  }

  @ApiView({
    summary:
      'Plan execution across the agencies of a region or the country: status, actions by status and lever, late actions; sortable, paginated, CSV or XLSX with format=csv|xlsx',
    response: PlanExecutionPage,
    file: true,
  })
  @Get('action-plans/execution')
  @CachedView()
  @Access('region.read')
  async execution(
    @Query() q: ExecutionQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanExecutionPage | string | StreamableFile> {
    const r = await this.executionRows(q, { year: q.year, region: q.region });
    const lines = executionLines(r.plans, r.actions, r.progress, r.date);
    const sort = q.sort ?? 'safir';
    lines.sort((a, b) => (sort === 'safir' ? a.safir.localeCompare(b.safir) : b[sort] - a[sort]));
    if (wantsFile(q)) {
      const name = `plan-execution-${q.year}${q.region ? `-${q.region}` : ''}`;
      return exportFile(req, res, q, name, executionTable(lines, q.year, scopeName(q.region)), this.clock());
    }
    const priorities = lines.reduce((s, l) => s + l.priorities, 0);
    const coConstructed = lines.reduce((s, l) => s + l.prioritiesCitingCoConstructedDiagnostic, 0);
    return {
      ...paginate(lines, q),
      summary: {
        plans: lines.length,
        adopted: lines.filter((l) => l.adopted).length,
        lateActions: lines.reduce((s, l) => s + l.lateActions, 0),
        shareOfPrioritiesCitingCoConstructedDiagnostic: shareOf(coConstructed, priorities) ?? 0,
      },
    };
  }
}
